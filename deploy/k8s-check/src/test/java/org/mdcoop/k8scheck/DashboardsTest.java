package org.mdcoop.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Grafana dashboards of deploy/k8s/monitoring/dashboards: the four the operators asked for, each panel with a
 * Prometheus query that promtool parses (every expression, as a recording rule, through `promtool check rules`).
 * That the metrics exist is checked against the running services by MonitoringMetricsSystemTest.
 */
class DashboardsTest {

    @TempDir
    Path dir;

    static List<Path> dashboards() throws Exception {
        try (Stream<Path> files = Files.list(Overlay.k8s().resolve("monitoring/dashboards"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void theFourDashboardsExistWithUniqueUidsAndQueries() throws Exception {
        Set<String> uids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Path d : dashboards()) {
            JsonNode board = Overlay.JSON.readTree(d.toFile());
            assertThat(uids.add(board.path("uid").asText())).as(d.toString()).isTrue();
            names.add(d.getFileName().toString());
            assertThat(board.path("panels")).isNotEmpty().allSatisfy(p -> {
                assertThat(p.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
                assertThat(p.path("targets")).isNotEmpty()
                        .allSatisfy(t -> assertThat(t.path("expr").asText()).isNotBlank());
            });
        }
        assertThat(names).containsExactlyInAnyOrder("mdcoop-fusion.json", "mdcoop-event-flow.json",
                "mdcoop-cooperation.json", "mdcoop-errors.json");
    }

    @Test
    void everyPanelQueryParses() throws Exception {
        List<Map<String, Object>> rules = new ArrayList<>();
        int n = 0;
        for (Path d : dashboards()) {
            for (JsonNode p : Overlay.JSON.readTree(d.toFile()).path("panels")) {
                for (JsonNode t : p.path("targets")) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("record", "dashboard:query" + n++);
                    r.put("expr", t.path("expr").asText().replace("$namespace", "mdcoop"));
                    rules.add(r);
                }
            }
        }
        Kustomize.YAML.writeValue(dir.resolve("queries.yaml").toFile(),
                Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules))));
        assertThat(PrometheusRulesTest.onPath("promtool")).as("promtool on the PATH (apt-get install prometheus)")
                .isTrue();
        Process p = new ProcessBuilder("promtool", "check", "rules", "queries.yaml").directory(dir.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("SUCCESS: " + n + " rules found");
        assertThat(n).isGreaterThan(20);
    }
}
