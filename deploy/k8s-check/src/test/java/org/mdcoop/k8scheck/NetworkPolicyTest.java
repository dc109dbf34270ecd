package org.mdcoop.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;

/**
 * Default deny, and the allowances of the design, evaluated on pod labels: a simple model of NetworkPolicy
 * (matchLabels selectors, ports by number or name) good enough for the policies deploy/k8s uses.
 */
class NetworkPolicyTest {

    static final List<Object[]> OVERLAY_SERVICES = WorkloadTest.OVERLAY_SERVICES;
    static final List<String> OVERLAYS = Overlay.NAMES;

    static final Map<String, String> KAFKA_POD = Map.of("strimzi.io/cluster", "mdcoop", "strimzi.io/kind", "Kafka",
            "strimzi.io/name", "mdcoop-kafka");
    static final Map<String, String> DB_POD = Map.of("cnpg.io/cluster", "mdcoop-db", "cnpg.io/instanceRole", "primary");
    static final Map<String, String> KEYCLOAK_POD = Map.of("app", "keycloak", "app.kubernetes.io/instance",
            "mdcoop-keycloak", "app.kubernetes.io/managed-by", "keycloak-operator");
    static final Map<String, String> DNS_POD = Map.of("k8s-app", "kube-dns");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everythingIsDeniedByDefault(String overlay) {
        assertThat(Overlay.of(overlay).all(NetworkPolicy.class)).anySatisfy(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(p.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
            assertThat(p.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
            assertThat(p.getSpec().getEgress()).isNullOrEmpty();
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @FieldSource("OVERLAY_SERVICES")
    void eachServiceReachesWhatItNeedsAndIsReachedByTheGateway(String overlay, String service) {
        Overlay o = Overlay.of(overlay);
        Map<String, String> pod = o.deployment(service).getSpec().getTemplate().getMetadata().getLabels();
        int http = o.deployment(service).getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0)
                .getContainerPort();
        List<NetworkPolicy> policies = o.all(NetworkPolicy.class);
        // service -> Kafka, its database, Keycloak, DNS (egress of the service and ingress of the target)
        assertThat(egress(policies, pod, "mdcoop", KAFKA_POD, "mdcoop", 9093)).as("egress to Kafka").isTrue();
        assertThat(ingress(policies, KAFKA_POD, "mdcoop", pod, "mdcoop", 9093, Map.of())).as("Kafka admits").isTrue();
        assertThat(egress(policies, pod, "mdcoop", DB_POD, "mdcoop", 5432)).as("egress to its database").isTrue();
        assertThat(ingress(policies, DB_POD, "mdcoop", pod, "mdcoop", 5432, Map.of())).as("database admits").isTrue();
        assertThat(egress(policies, pod, "mdcoop", KEYCLOAK_POD, "mdcoop", 8080)).as("egress to Keycloak").isTrue();
        assertThat(ingress(policies, KEYCLOAK_POD, "mdcoop", pod, "mdcoop", 8080, Map.of())).isTrue();
        assertThat(egress(policies, pod, "mdcoop", DNS_POD, "kube-system", 53)).as("DNS").isTrue();
        // the Gateway's proxies -> the API port; an arbitrary pod of another namespace cannot
        assertThat(ingress(policies, pod, "mdcoop", Map.of("app", "envoy"), "envoy-gateway-system", http,
                Map.of("http", http))).as("gateway to the API").isTrue();
        assertThat(ingress(policies, pod, "mdcoop", Map.of("app", "x"), "other", http, Map.of("http", http)))
                .isFalse();
        // nothing else: a service does not reach another service's pods or the internet
        assertThat(egress(policies, pod, "mdcoop", Map.of("app.kubernetes.io/name", "other-service"), "mdcoop", http))
                .isFalse();
    }

    static boolean egress(List<NetworkPolicy> policies, Map<String, String> from, String fromNs,
            Map<String, String> to, String toNs, int port) {
        return egress(policies, from, fromNs, to, toNs, port, Map.of());
    }

    /** Egress allowed, with the target pod's named ports (a policy's named port resolves on the destination). */
    static boolean egress(List<NetworkPolicy> policies, Map<String, String> from, String fromNs,
            Map<String, String> to, String toNs, int port, Map<String, Integer> namedPorts) {
        return policies.stream().filter(p -> selects(p.getSpec().getPodSelector(), from)
                && p.getSpec().getPolicyTypes().contains("Egress") && p.getSpec().getEgress() != null)
                .flatMap(p -> p.getSpec().getEgress().stream())
                .anyMatch(r -> peers(r.getTo(), to, toNs, fromNs) && ports(r.getPorts(), port, namedPorts));
    }

    static boolean ingress(List<NetworkPolicy> policies, Map<String, String> to, String toNs,
            Map<String, String> from, String fromNs, int port, Map<String, Integer> namedPorts) {
        return policies.stream().filter(p -> selects(p.getSpec().getPodSelector(), to)
                && p.getSpec().getPolicyTypes().contains("Ingress") && p.getSpec().getIngress() != null)
                .flatMap(p -> p.getSpec().getIngress().stream())
                .anyMatch(r -> peers(r.getFrom(), from, fromNs, toNs) && ports(r.getPorts(), port, namedPorts));
    }

    private static boolean peers(List<NetworkPolicyPeer> peers, Map<String, String> pod, String podNs,
            String policyNs) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                continue;
            }
            boolean ns = peer.getNamespaceSelector() == null ? podNs.equals(policyNs)
                    : selects(peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", podNs));
            boolean p = peer.getPodSelector() == null || selects(peer.getPodSelector(), pod);
            if (ns && p) {
                return true;
            }
        }
        return false;
    }

    private static boolean ports(List<NetworkPolicyPort> ports, int port, Map<String, Integer> named) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            IntOrString v = p.getPort();
            if (v == null || (v.getIntVal() != null ? v.getIntVal() == port : named.get(v.getStrVal()) != null
                    && named.get(v.getStrVal()) == port)) {
                return true;
            }
        }
        return false;
    }

    private static boolean selects(LabelSelector s, Map<String, String> labels) {
        assertThat(s.getMatchExpressions()).as("only matchLabels are modelled").isNullOrEmpty();
        return s.getMatchLabels() == null || labels.entrySet().containsAll(s.getMatchLabels().entrySet());
    }
}
