package org.mdcoop.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The prod overlay's alert rules: promtool accepts them and its unit tests (src/test/resources/promtool) pass: each
 * alert fires on its failure and not on the healthy case beside it. promtool (Debian package prometheus) must be
 * installed: deploy/local/stack test installs it; without it this fails, it does not skip.
 */
class PrometheusRulesTest {

    static final Set<String> ALERTS = Set.of("MdcoopOutboxBacklog", "MdcoopOutboxBacklogGrowing", "MdcoopConsumerLag",
            "MdcoopDeadLetter", "MdcoopAgreementViewStale", "MdcoopCooperationSuspended", "MdcoopFusionLatencyOverObjective",
            "MdcoopReadinessFlapping");

    @TempDir
    Path dir;

    private static Map<String, Object> ruleDocument() {
        return Overlay.of("prod").raw.stream().filter(d -> "PrometheusRule".equals(d.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("prod has no PrometheusRule"));
    }

    private String promtool(String... args) throws Exception {
        assertThat(onPath("promtool")).as("promtool on the PATH (apt-get install prometheus; deploy/local/stack test "
                + "installs it)").isTrue();
        List<String> cmd = new java.util.ArrayList<>(List.of("promtool"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("promtool %s:%n%s", String.join(" ", args), out).isZero();
        return out;
    }

    private void writeRules() throws Exception {
        writeRules(ruleDocument().get("spec"));
    }

    private void writeRules(Object spec) throws Exception {
        Kustomize.YAML.writeValue(dir.resolve("rules.yaml").toFile(), spec);
        Files.copy(Path.of(getClass().getResource("/promtool/mdcoop-rules.test.yaml").toURI()),
                dir.resolve("mdcoop-rules.test.yaml"));
    }

    @Test
    void promtoolAcceptsTheRulesAndTheirUnitTestsPass() throws Exception {
        writeRules();
        assertThat(promtool("check", "rules", "rules.yaml")).contains("SUCCESS: " + ALERTS.size() + " rules found");
        assertThat(promtool("test", "rules", "mdcoop-rules.test.yaml")).contains("SUCCESS");
    }

    /** The unit tests can fail: the same tests against rules whose threshold was changed do. */
    @Test
    void theUnitTestsCatchAChangedThreshold() throws Exception {
        String json = Overlay.JSON.writeValueAsString(ruleDocument().get("spec"));
        String changed = json.replace("mdcoop_outbox_oldest_unsent_age_seconds) > 60",
                "mdcoop_outbox_oldest_unsent_age_seconds) > 600");
        assertThat(changed).isNotEqualTo(json);
        writeRules(Overlay.JSON.readValue(changed, Object.class));
        Process p = new ProcessBuilder("promtool", "test", "rules", "mdcoop-rules.test.yaml").directory(dir.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isNotZero();
        assertThat(out).contains("MdcoopOutboxBacklog");
    }

    @Test
    void everyAlertIsTestedHasASeverityAndARunbookSection() throws Exception {
        PrometheusRule rule = (PrometheusRule) StrictModels.parse(ruleDocument());
        Set<String> alerts = new TreeSet<>();
        String tests = Files.readString(Path.of(getClass().getResource("/promtool/mdcoop-rules.test.yaml").toURI()));
        String operations = ServiceConfig.readString(ServiceConfig.root().resolve("docs/operations.md"));
        for (var group : rule.getSpec().getGroups()) {
            for (Rule r : group.getRules()) {
                alerts.add(r.getAlert());
                assertThat(r.getLabels()).as(r.getAlert()).containsKey("severity");
                assertThat(r.getLabels().get("severity")).isIn("warning", "critical");
                assertThat(tests).as("promtool test of %s", r.getAlert()).contains("alertname: " + r.getAlert());
                String anchor = r.getAnnotations().get("runbook");
                assertThat(anchor).startsWith("docs/operations.md#");
                String heading = anchor.substring(anchor.indexOf('#') + 1);
                assertThat(operations.toLowerCase()).as("runbook section for %s", r.getAlert())
                        .contains("### " + heading);
            }
        }
        assertThat(alerts).isEqualTo(ALERTS);
    }

    @Test
    void thePodMonitorScrapesEveryServiceOnItsMetricsPort() {
        Overlay prod = Overlay.of("prod");
        PodMonitor monitor = (PodMonitor) StrictModels.parse(prod.raw.stream()
                .filter(d -> "PodMonitor".equals(d.get("kind"))).findFirst().orElseThrow());
        Map<String, String> selector = monitor.getSpec().getSelector().getMatchLabels();
        for (String service : ServiceConfig.SERVICES) {
            Deployment d = prod.deployment(service);
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(labels.entrySet()).as(service).containsAll(selector.entrySet());
            Map<String, String> annotations = d.getSpec().getTemplate().getMetadata().getAnnotations();
            assertThat(monitor.getSpec().getPodMetricsEndpoints()).singleElement().satisfies(e -> {
                assertThat(e.getPath()).isEqualTo(annotations.get("prometheus.io/path"));
                assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts())
                        .anyMatch(p -> p.getName().equals(e.getPort())
                                && String.valueOf(p.getContainerPort()).equals(annotations.get("prometheus.io/port")));
            });
        }
    }

    static boolean onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(d, exe).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
