package org.mdcoop.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every rendered document of every overlay parses strictly into its model from Maven Central (io.strimzi:api for
 * kafka.strimzi.io/v1, fabric8 for the rest), or is one of the few operator kinds without a model that are checked
 * against the operators' JSON Schemas by hand (docs/kubernetes.md). The negative tests show the check can fail.
 */
class StrictParseTest {

    static final List<String> OVERLAYS = Overlay.NAMES;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyRenderedDocumentParsesStrictly(String overlay) {
        List<String> problems = new ArrayList<>();
        int parsed = 0;
        for (Map<String, Object> doc : Overlay.of(overlay).raw) {
            String id = StrictModels.key(doc) + " " + Kustomize.name(doc);
            if (StrictModels.SCHEMA_ONLY.contains(StrictModels.key(doc))) {
                continue;
            }
            try {
                HasMetadata m = StrictModels.parse(doc);
                assertThat(m.getMetadata().getName()).as(id).isEqualTo(Kustomize.name(doc));
                parsed++;
            } catch (RuntimeException e) {
                problems.add(id + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(parsed).isGreaterThan(50);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyStrimziResourceIsV1(String overlay) {
        List<Map<String, Object>> strimzi = Overlay.of(overlay).raw.stream()
                .filter(d -> String.valueOf(d.get("apiVersion")).startsWith("kafka.strimzi.io/")).toList();
        assertThat(strimzi).hasSizeGreaterThan(15)
                .allSatisfy(d -> assertThat(d.get("apiVersion")).as(Kustomize.name(d)).isEqualTo("kafka.strimzi.io/v1"));
    }

    /** No file under deploy/k8s names an old Strimzi API version as a resource's apiVersion. */
    @Test
    void noV1beta2StrimziResourceIsLeftInTheSources() throws IOException {
        try (var files = Files.walk(Overlay.k8s())) {
            List<String> old = files.filter(f -> f.toString().endsWith(".yaml")).filter(f -> {
                try {
                    return Files.readAllLines(f).stream().anyMatch(
                            l -> l.matches("\\s*apiVersion:\\s*kafka\\.strimzi\\.io/v1(alpha|beta)\\d.*"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
            assertThat(old).isEmpty();
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyKindHasAModelOrIsSchemaChecked(String overlay) {
        assertThat(Overlay.of(overlay).raw).allSatisfy(d -> assertThat(
                StrictModels.MODELS.containsKey(StrictModels.key(d))
                        || StrictModels.SCHEMA_ONLY.contains(StrictModels.key(d)))
                .as("%s has a model or is in SCHEMA_ONLY", StrictModels.key(d)).isTrue());
    }

    // ---- the check can fail ----

    private static Map<String, Object> doc(String yaml) {
        try {
            return Kustomize.YAML.readValue(yaml, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aMisspeltFieldOfADeploymentIsRejected() {
        String ok = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: a}
                spec:
                  selector: {matchLabels: {app: a}}
                  template:
                    metadata: {labels: {app: a}}
                    spec:
                      containers: [{name: a, image: x, %s: {runAsNonRoot: true}}]
                """;
        assertThatCode(() -> StrictModels.parse(doc(ok.formatted("securityContext")))).doesNotThrowAnyException();
        assertThatThrownBy(() -> StrictModels.parse(doc(ok.formatted("securityContex"))))
                .hasMessageContaining("securityContex");
    }

    @Test
    void aWrongTypeIsRejected() {
        assertThatThrownBy(() -> StrictModels.parse(doc("""
                apiVersion: v1
                kind: Service
                metadata: {name: a}
                spec: {ports: [{port: eighty}]}
                """))).hasMessageContaining("eighty");
    }

    @Test
    void theAclOperationFieldThatV1RemovedIsRejected() {
        String user = """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata: {name: u, labels: {strimzi.io/cluster: c}}
                spec:
                  authentication: {type: scram-sha-512}
                  authorization:
                    type: simple
                    acls: [{resource: {type: topic, name: t, patternType: literal}, %s}]
                """;
        KafkaUser parsed = (KafkaUser) StrictModels.parse(doc(user.formatted("operations: [Read]")));
        assertThat(parsed.getSpec().getAuthorization()).isNotNull();
        assertThatThrownBy(() -> StrictModels.parse(doc(user.formatted("operation: Read"))))
                .hasMessageContaining("operation");
    }

    @Test
    void brokerStorageInTheKafkaResourceThatV1MovedToNodePoolsIsRejected() {
        String kafka = """
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata: {name: k}
                spec:
                  kafka:
                    version: 4.1.0
                    listeners: [{name: tls, port: 9093, type: internal, tls: true}]
                    %s
                """;
        assertThat(((Kafka) StrictModels.parse(doc(kafka.formatted("config: {a: 1}")))).getSpec().getKafka()
                .getVersion()).isEqualTo("4.1.0");
        assertThatThrownBy(() -> StrictModels.parse(doc(kafka.formatted("replicas: 3")))).hasMessageContaining(
                "replicas");
        assertThatThrownBy(() -> StrictModels.parse(doc(kafka.formatted("storage: {type: ephemeral}"))))
                .hasMessageContaining("storage");
    }

    @Test
    void aMisspeltFieldOfAnHttpRouteOrAPrometheusRuleIsRejected() {
        assertThatThrownBy(() -> StrictModels.parse(doc("""
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: r}
                spec: {parentRefs: [{name: g}], rules: [{backendRef: [{name: s, port: 80}]}]}
                """))).hasMessageContaining("backendRef");
        assertThatThrownBy(() -> StrictModels.parse(doc("""
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: r}
                spec: {groups: [{name: g, rules: [{alert: A, expr: up == 0, fro: 5m}]}]}
                """))).hasMessageContaining("fro");
    }

    @Test
    void aKindWithoutAModelIsRefused() {
        assertThatThrownBy(() -> StrictModels.parse(doc("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaUser
                metadata: {name: u}
                """))).hasMessageContaining("no model for kafka.strimzi.io/v1beta2/KafkaUser");
    }
}
