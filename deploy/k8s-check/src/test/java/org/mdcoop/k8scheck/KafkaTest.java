package org.mdcoop.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strimzi: the topics of docs/events.md exist as KafkaTopics with the design's partitions, cleanup and retention;
 * each service's KafkaUser has ACLs covering exactly what its configuration and sources use.
 */
class KafkaTest {

    static final List<Object[]> OVERLAY_SERVICES = WorkloadTest.OVERLAY_SERVICES;
    static final List<String> OVERLAYS = Overlay.NAMES;
    private static final Pattern ROW = Pattern.compile(
            "^\\| `([a-z.<>-]+)` \\| (\\d+) \\| ([a-z]+)(?:, (\\d+) d)? \\|", Pattern.MULTILINE);

    /** Topic -> {partitions, cleanup, retention days or null}, from the topics table of docs/events.md. */
    static Map<String, Object[]> designTopics() {
        String doc = ServiceConfig.readString(ServiceConfig.root().resolve("docs/events.md"));
        Map<String, Object[]> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(doc);
        List<String> withoutDeadLetters = new java.util.ArrayList<>();
        while (m.find()) {
            rows.put(m.group(1), new Object[] {Integer.parseInt(m.group(2)), m.group(3),
                m.group(4) == null ? null : Integer.parseInt(m.group(4))});
            int end = doc.indexOf('\n', m.end());
            if (doc.substring(m.start(), end < 0 ? doc.length() : end).contains("no dead letters")) {
                withoutDeadLetters.add(m.group(1));
            }
        }
        Object[] dlq = rows.remove("<topic>.dlq");
        assertThat(dlq).as("docs/events.md has the <topic>.dlq row").isNotNull();
        for (String t : List.copyOf(rows.keySet())) {
            if (!withoutDeadLetters.contains(t)) {
                rows.put(t + ".dlq", dlq);
            }
        }
        return rows;
    }

    @Test
    void theDesignTableIsRead() {
        assertThat(designTopics()).containsKeys("agreement.events", "agreement.status", "transparency.events",
                "exercise.events", "fusion.sensor-reports", "fusion.tracks", "fusion.tracks.dlq", "fusion.snapshots")
                .doesNotContainKey("fusion.snapshots.dlq").hasSize(13);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyDesignTopicIsAKafkaTopicAsDesigned(String overlay) {
        Overlay o = Overlay.of(overlay);
        Map<String, Object[]> design = designTopics();
        Set<String> rendered = new TreeSet<>();
        for (GenericKubernetesResource t : o.custom("KafkaTopic")) {
            String name = Overlay.path(t, "spec", "topicName");
            rendered.add(name);
            assertThat(t.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "mdcoop");
            Object[] d = design.get(name);
            assertThat(d).as("topic %s is in docs/events.md", name).isNotNull();
            assertThat((Integer) Overlay.path(t, "spec", "partitions")).as(name).isEqualTo(d[0]);
            Map<String, Object> config = Overlay.path(t, "spec", "config");
            assertThat(config).as(name).containsEntry("cleanup.policy", d[1]);
            if (d[2] != null) {
                assertThat(((Number) config.get("retention.ms")).longValue()).as(name)
                        .isEqualTo((Integer) d[2] * 86_400_000L);
            }
            int replicas = Overlay.path(t, "spec", "replicas");
            int brokers = Overlay.path(o.custom("KafkaNodePool", "dual-role").orElseThrow(), "spec", "replicas");
            assertThat(replicas).as(name).isEqualTo(Math.min(3, brokers));
        }
        assertThat(rendered).isEqualTo(design.keySet());
    }

    @Test
    void topicUsageIsReadFromTheServices() {
        ServiceConfig fusion = ServiceConfig.load("fusion");
        assertThat(fusion.reads).containsEntry("fusion.sensor-reports", "fusion")
                .containsEntry("agreement.events", "fusion-agreement-view");
        assertThat(fusion.writes).contains("fusion.tracks", "fusion.sensor-reports.dlq", "agreement.events.dlq");
        ServiceConfig exercise = ServiceConfig.load("exercise");
        assertThat(exercise.writes).contains("exercise.events", "fusion.sensor-reports", "fusion.tracks.dlq");
        ServiceConfig agreement = ServiceConfig.load("agreement");
        assertThat(agreement.reads).isEmpty();
        assertThat(agreement.writes).containsExactly("agreement.events", "agreement.status");
    }

    @ParameterizedTest(name = "{0} {1}")
    @FieldSource("OVERLAY_SERVICES")
    void everyTopicAServiceUsesExistsAndItsUserMayUseIt(String overlay, String service) {
        Overlay o = Overlay.of(overlay);
        ServiceConfig config = ServiceConfig.load(service);
        Set<String> topics = new TreeSet<>();
        o.custom("KafkaTopic").forEach(t -> topics.add(Overlay.path(t, "spec", "topicName")));
        assertThat(topics).containsAll(config.topics());

        // the user whose credentials the Deployment mounts
        String jaas = WorkloadTest.environment(o, o.deployment(service).getSpec().getTemplate().getSpec()
                .getContainers().get(0)).get("KAFKA_SASL_JAAS_CONFIG");
        String userName = jaas.substring("secret ".length(), jaas.indexOf('/'));
        GenericKubernetesResource user = o.custom("KafkaUser", userName).orElseThrow(
                () -> new AssertionError("no KafkaUser " + userName));
        assertThat((String) Overlay.path(user, "spec", "authentication", "type")).isEqualTo("scram-sha-512");
        assertThat((String) Overlay.path(user, "spec", "authorization", "type")).isEqualTo("simple");
        List<Map<String, Object>> acls = Kustomize.maps(Overlay.path(user, "spec", "authorization", "acls"));
        for (Map.Entry<String, String> read : config.reads.entrySet()) {
            assertThat(allows(acls, "topic", read.getKey(), "Read")).as("%s reads %s", service, read.getKey()).isTrue();
            assertThat(allows(acls, "group", read.getValue(), "Read")).as("%s group %s", service, read.getValue())
                    .isTrue();
        }
        for (String write : config.writes) {
            assertThat(allows(acls, "topic", write, "Write")).as("%s writes %s", service, write).isTrue();
        }
        // least privilege: nothing on all topics, no cluster-wide or destructive operations
        for (Map<String, Object> acl : acls) {
            assertThat((String) Overlay.path(acl, "resource", "name")).isNotEqualTo("*");
            assertThat((String) Overlay.path(acl, "resource", "type")).isIn("topic", "group");
            assertThat(Kustomize.strings(acl.get("operations"))).isSubsetOf("Read", "Write", "Describe");
        }
    }

    /** Whether a Strimzi simple-authorization ACL list allows the operation (literal or prefix patterns). */
    static boolean allows(List<Map<String, Object>> acls, String type, String name, String operation) {
        for (Map<String, Object> acl : acls) {
            Map<String, Object> r = Kustomize.asMap(acl.get("resource"));
            String pattern = (String) r.getOrDefault("patternType", "literal");
            String n = (String) r.get("name");
            boolean nameMatches = pattern.equals("prefix") ? name.startsWith(n) : n.equals(name) || n.equals("*");
            List<String> ops = Kustomize.strings(acl.get("operations"));
            if (type.equals(r.get("type")) && nameMatches && (ops.contains(operation) || ops.contains("All"))
                    && !"deny".equals(acl.get("type"))) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void kafkaIsKraftWithScramOverTlsAndAcls(String overlay) {
        Overlay o = Overlay.of(overlay);
        GenericKubernetesResource kafka = o.custom("Kafka", "mdcoop").orElseThrow();
        // v1: KRaft with node pools is the only mode; the v1beta2 opt-in annotations are gone
        assertThat(kafka.getMetadata().getAnnotations()).doesNotContainKeys("strimzi.io/node-pools",
                "strimzi.io/kraft");
        assertThat((Object) Overlay.path(kafka, "spec", "zookeeper")).isNull();
        List<Map<String, Object>> listeners = Kustomize.maps(Overlay.path(kafka, "spec", "kafka", "listeners"));
        assertThat(listeners).allSatisfy(l -> {
            assertThat(l.get("tls")).isEqualTo(true);
            assertThat((String) Overlay.path(l, "authentication", "type")).isEqualTo("scram-sha-512");
        });
        assertThat(listeners).anyMatch(l -> Integer.valueOf(9093).equals(l.get("port")));
        assertThat((String) Overlay.path(kafka, "spec", "kafka", "authorization", "type")).isEqualTo("simple");
        assertThat((Object) Overlay.path(kafka, "spec", "entityOperator", "userOperator")).isNotNull();
        assertThat((Object) Overlay.path(kafka, "spec", "entityOperator", "topicOperator")).isNotNull();
        GenericKubernetesResource pool = o.custom("KafkaNodePool", "dual-role").orElseThrow();
        assertThat(Kustomize.strings(Overlay.path(pool, "spec", "roles"))).containsExactlyInAnyOrder("controller",
                "broker");
        int brokers = Overlay.path(pool, "spec", "replicas");
        assertThat(brokers).isEqualTo(overlay.equals("prod") ? 3 : 1);
        int minIsr = Overlay.path(kafka, "spec", "kafka", "config", "min.insync.replicas");
        assertThat(minIsr).isLessThan(Math.max(2, brokers)).isGreaterThanOrEqualTo(1);
    }
}
