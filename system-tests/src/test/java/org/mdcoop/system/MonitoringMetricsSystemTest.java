package org.mdcoop.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every metric that an alert rule (deploy/k8s/overlays/prod/monitoring/prometheus-rules.yaml) or a Grafana dashboard
 * (deploy/k8s/monitoring/dashboards/*.json) references is exposed by some service's /q/metrics on the running stack,
 * except the few that come from the platform (listed, with their source). Read-only.
 */
class MonitoringMetricsSystemTest {

    private static final Path K8S = Path.of(System.getProperty("mdcoop.k8s", "../deploy/k8s"));
    /** Metrics the services do not expose, by who does (docs/kubernetes.md, "Alerts and dashboards"). */
    static final Map<String, String> PLATFORM = Map.of("kube_pod_status_ready", "kube-state-metrics");
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern EXPOSED = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

    private static Set<String> exposed;

    @BeforeAll
    static void scrape() {
        exposed = new TreeSet<>();
        for (String service : Stack.SERVICES.keySet()) {
            String body = given().get(Stack.url(service, "/q/metrics")).then().statusCode(200).extract().asString();
            Matcher m = EXPOSED.matcher(body);
            while (m.find()) {
                exposed.add(m.group(1));
            }
        }
        assertThat(exposed).contains("http_server_requests_seconds_count", "mdcoop_outbox_unsent");
    }

    /** The metric names of a PromQL expression: identifiers outside strings, label matchers and ranges, that are
     * neither functions (followed by '('), aggregation modifiers, keywords, nor the labels of by/on/without(...). */
    static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")   // strings
                .replaceAll("\\{[^}]*}", " ")                          // label matchers
                .replaceAll("\\[[^]]*]", " ")                          // range and subquery durations
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String id = m.group();
            int after = m.end();
            while (after < s.length() && Character.isWhitespace(s.charAt(after))) {
                after++;
            }
            boolean call = after < s.length() && s.charAt(after) == '(';
            boolean duration = m.start() > 0 && Character.isDigit(s.charAt(m.start() - 1));
            if (!call && !duration && !PROMQL_WORDS.contains(id.toLowerCase())) {
                names.add(id);
            }
        }
        return names;
    }

    static Map<String, String> references() throws IOException {
        Map<String, String> where = new TreeMap<>();
        ObjectMapper yaml = new YAMLMapper();
        JsonNode rules = yaml.readTree(K8S.resolve("overlays/prod/monitoring/prometheus-rules.yaml").toFile());
        for (JsonNode group : rules.path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                metricNames(rule.path("expr").asText()).forEach(n -> where.putIfAbsent(n, "alert " + rule.path("alert").asText()));
            }
        }
        ObjectMapper json = new ObjectMapper();
        List<Path> dashboards;
        try (Stream<Path> files = Files.list(K8S.resolve("monitoring/dashboards"))) {
            dashboards = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(dashboards).hasSizeGreaterThanOrEqualTo(4);
        for (Path d : dashboards) {
            JsonNode board = json.readTree(d.toFile());
            for (JsonNode panel : board.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    metricNames(target.path("expr").asText()).forEach(n -> where.putIfAbsent(n,
                            d.getFileName() + " / " + panel.path("title").asText()));
                }
            }
        }
        return where;
    }

    @Test
    void theExtractorFindsMetricNamesAndNothingElse() {
        assertThat(metricNames("max by (namespace, pod) (fusion_processing_latency_seconds{quantile=\"0.99\"}) > 0.1 "
                + "and on (pod) sum by (pod) (rate(fusion_processing_latency_seconds_count[5m])) > 0"))
                .containsExactly("fusion_processing_latency_seconds", "fusion_processing_latency_seconds_count");
        assertThat(metricNames("changes(kube_pod_status_ready{condition=\"true\"}[15m]) > 4 or up offset 5m"))
                .containsExactly("kube_pod_status_ready", "up");
    }

    @Test
    void everyMetricOfTheAlertsAndDashboardsIsExposed() throws IOException {
        Map<String, String> refs = references();
        assertThat(refs).containsKeys("mdcoop_outbox_oldest_unsent_age_seconds", "fusion_reports_fused_total",
                "kafka_consumer_fetch_manager_records_lag", "kafka_producer_record_send_total");
        List<String> missing = new ArrayList<>();
        refs.forEach((name, usedBy) -> {
            if (!exposed.contains(name) && !PLATFORM.containsKey(name)) {
                missing.add(name + " (" + usedBy + ")");
            }
        });
        assertThat(missing).as("referenced but exposed by no service").isEmpty();
        // and the check bites: a name no service has is reported
        assertThat(exposed).doesNotContain("mdcoop_outbox_unsent_total", "fusion_reports_fused");
    }
}
