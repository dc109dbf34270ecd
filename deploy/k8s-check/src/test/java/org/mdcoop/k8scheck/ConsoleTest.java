package org.mdcoop.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The staff console in Kubernetes: a Deployment shaped like the services', every variable its prod profile needs set
 * (OIDC client secrets and keys from the Secret mdcoop-console), its own host on the Gateway, network policies that
 * let it reach the four APIs and Keycloak and nothing else, and realm imports that redirect to its public host.
 */
class ConsoleTest {

    static final String PUBLIC_URL = "https://console.mdcoop.example.org";
    static final List<String> OVERLAYS = Overlay.NAMES;

    private static Deployment deployment(Overlay o) {
        return o.find(Deployment.class, "console").orElseThrow(() -> new AssertionError(o.name + ": no console"));
    }

    private static Container container(Overlay o) {
        List<Container> cs = deployment(o).getSpec().getTemplate().getSpec().getContainers();
        assertThat(cs).hasSize(1);
        return cs.get(0);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theConsoleRunsLikeTheServices(String overlay) {
        Overlay o = Overlay.of(overlay);
        Container c = container(o);
        int port = Integer.parseInt(ServiceConfig.console().get("quarkus.http.port"));
        assertThat(c.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(port);
        });
        assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
        assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(c.getResources().getLimits()).containsKeys("cpu", "memory");
        PodSpec pod = deployment(o).getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getEnableServiceLinks()).isFalse();
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(c.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp"));
        assertThat(o.find(ServiceAccount.class, pod.getServiceAccountName())).isPresent();
        Service s = o.find(Service.class, "console").orElseThrow();
        assertThat(s.getSpec().getSelector().entrySet())
                .isSubsetOf(deployment(o).getSpec().getTemplate().getMetadata().getLabels().entrySet());
        assertThat(s.getSpec().getPorts()).singleElement()
                .satisfies(p -> assertThat(p.getTargetPort().getIntVal()).isEqualTo(port));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyVariableTheConsolesProdProfileNeedsIsSet(String overlay) {
        Overlay o = Overlay.of(overlay);
        ServiceConfig config = ServiceConfig.console();
        assertThat(config.requiredEnv).contains("OIDC_URL", "CONSOLE_NATO_CLIENT_SECRET",
                "CONSOLE_RUSSIA_CLIENT_SECRET", "CONSOLE_CSRF_KEY", "AGREEMENT_URL", "FUSION_URL");
        Map<String, String> env = WorkloadTest.environment(o, container(o));
        assertThat(env).containsKeys(config.requiredEnv.toArray(String[]::new));
        // credentials only from the Secret, never literal
        for (String name : config.requiredEnv) {
            if (name.startsWith("CONSOLE_")) {
                assertThat(env.get(name)).as(name).startsWith("secret mdcoop-console/");
            }
        }
        // the relay reaches each service's Service on a port it serves
        for (String service : ServiceConfig.SERVICES) {
            URI url = URI.create(env.get(service.toUpperCase() + "_URL"));
            Service s = o.find(Service.class, url.getHost()).orElseThrow(
                    () -> new AssertionError("no Service " + url.getHost()));
            assertThat(s.getMetadata().getName()).isEqualTo(service + "-service");
            assertThat(s.getSpec().getPorts()).anyMatch(p -> p.getPort() == url.getPort());
        }
        // Keycloak inside the cluster, the same Service the services use; the public issuer
        assertThat(env.get("OIDC_URL")).isEqualTo("http://mdcoop-keycloak-service:8080");
        String hostname = Overlay.path(o.custom("Keycloak", "mdcoop-keycloak").orElseThrow(), "spec", "hostname",
                "hostname");
        assertThat(env.get("QUARKUS_OIDC_NATO_TOKEN_ISSUER")).isEqualTo(hostname + "/realms/nato");
        assertThat(env.get("QUARKUS_OIDC_RUSSIA_TOKEN_ISSUER")).isEqualTo(hostname + "/realms/russia");
    }

    @Test
    void theDevSecretHoldsEveryKeyTheDeploymentReadsAndTheRealmsClientSecret() throws Exception {
        Overlay o = Overlay.of("dev");
        Secret secret = o.find(Secret.class, "mdcoop-console").orElseThrow();
        for (String ref : WorkloadTest.environment(o, container(o)).values()) {
            if (ref.startsWith("secret mdcoop-console/")) {
                String key = ref.substring("secret mdcoop-console/".length());
                assertThat(secret.getStringData()).as(key).containsKey(key);
                if (key.endsWith("-key")) {
                    assertThat(secret.getStringData().get(key)).as(key).hasSizeGreaterThanOrEqualTo(32);
                }
            }
        }
        for (String realm : List.of("nato", "russia")) {
            JsonNode client = consoleClient(Overlay.JSON.readTree(ServiceConfig.root()
                    .resolve("deploy/keycloak/realms/" + realm + "-realm.json").toFile()));
            assertThat(secret.getStringData().get(realm + "-client-secret")).isEqualTo(client.path("secret").asText());
        }
    }

    private static JsonNode consoleClient(JsonNode realm) {
        for (JsonNode c : realm.path("clients")) {
            if (c.path("clientId").asText().equals("mdcoop-console")) {
                return c;
            }
        }
        throw new AssertionError("no client mdcoop-console");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theConsoleHasItsOwnHostOverTlsAndTheRealmsRedirectThere(String overlay) {
        Overlay o = Overlay.of(overlay);
        Gateway g = o.find(Gateway.class, "mdcoop").orElseThrow();
        Listener l = g.getSpec().getListeners().stream().filter(x -> x.getName().equals("console")).findFirst()
                .orElseThrow();
        assertThat(l.getProtocol()).isEqualTo("HTTPS");
        assertThat(l.getTls().getMode()).isEqualTo("Terminate");
        assertThat(PUBLIC_URL).isEqualTo("https://" + l.getHostname());
        HTTPRoute r = o.find(HTTPRoute.class, "console").orElseThrow();
        assertThat(r.getSpec().getHostnames()).containsExactly(l.getHostname());
        assertThat(r.getSpec().getParentRefs()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("mdcoop");
            assertThat(p.getSectionName()).isEqualTo("console");
        });
        // "/" goes to the console; /q (health) does not reach it from outside
        assertThat(r.getSpec().getRules()).anySatisfy(rule -> {
            assertThat(rule.getMatches()).singleElement().satisfies(m -> assertThat(m.getPath().getValue())
                    .isEqualTo("/"));
            assertThat(rule.getBackendRefs()).singleElement().satisfies(b -> {
                assertThat(b.getName()).isEqualTo("console");
                assertThat(o.find(Service.class, "console").orElseThrow().getSpec().getPorts())
                        .anyMatch(p -> p.getPort().equals(b.getPort()));
            });
        });
        assertThat(r.getSpec().getRules()).anySatisfy(rule -> {
            assertThat(rule.getMatches()).singleElement().satisfies(m -> assertThat(m.getPath().getValue())
                    .isEqualTo("/q"));
            assertThat(rule.getBackendRefs()).isNullOrEmpty();
        });
        for (String realm : List.of("nato", "russia")) {
            JsonNode imported = Overlay.JSON.valueToTree(Overlay.path(o.custom("KeycloakRealmImport", "realm-" + realm)
                    .orElseThrow(), "spec", "realm"));
            JsonNode client = consoleClient(imported);
            assertThat(client.path("redirectUris").toString()).isEqualTo("[\"" + PUBLIC_URL + "/*\"]");
            assertThat(client.path("webOrigins").toString()).isEqualTo("[\"" + PUBLIC_URL + "\"]");
            assertThat(client.path("attributes").path("post.logout.redirect.uris").asText()).isEqualTo(PUBLIC_URL + "/*");
            assertThat(client.toString()).doesNotContain("localhost");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theConsoleReachesTheApisAndKeycloakAndNothingElse(String overlay) {
        Overlay o = Overlay.of(overlay);
        List<NetworkPolicy> policies = o.all(NetworkPolicy.class);
        Map<String, String> console = deployment(o).getSpec().getTemplate().getMetadata().getLabels();
        int consolePort = container(o).getPorts().get(0).getContainerPort();
        for (String service : ServiceConfig.SERVICES) {
            Deployment d = o.deployment(service);
            Map<String, String> pod = d.getSpec().getTemplate().getMetadata().getLabels();
            int http = d.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).getContainerPort();
            assertThat(NetworkPolicyTest.egress(policies, console, "mdcoop", pod, "mdcoop", http, Map.of("http", http)))
                    .as("console -> %s", service).isTrue();
            assertThat(NetworkPolicyTest.ingress(policies, pod, "mdcoop", console, "mdcoop", http, Map.of("http", http)))
                    .as("%s admits the console", service).isTrue();
        }
        assertThat(NetworkPolicyTest.egress(policies, console, "mdcoop", NetworkPolicyTest.KEYCLOAK_POD, "mdcoop", 8080))
                .isTrue();
        assertThat(NetworkPolicyTest.ingress(policies, NetworkPolicyTest.KEYCLOAK_POD, "mdcoop", console, "mdcoop",
                8080, Map.of())).isTrue();
        assertThat(NetworkPolicyTest.ingress(policies, console, "mdcoop", Map.of("app", "envoy"), "envoy-gateway-system",
                consolePort, Map.of("http", consolePort))).as("gateway -> console").isTrue();
        // no Kafka, no database
        assertThat(NetworkPolicyTest.egress(policies, console, "mdcoop", NetworkPolicyTest.KAFKA_POD, "mdcoop", 9093))
                .isFalse();
        assertThat(NetworkPolicyTest.ingress(policies, NetworkPolicyTest.KAFKA_POD, "mdcoop", console, "mdcoop", 9093,
                Map.of())).isFalse();
        assertThat(NetworkPolicyTest.egress(policies, console, "mdcoop", NetworkPolicyTest.DB_POD, "mdcoop", 5432))
                .isFalse();
        assertThat(NetworkPolicyTest.ingress(policies, NetworkPolicyTest.DB_POD, "mdcoop", console, "mdcoop", 5432,
                Map.of())).isFalse();
    }

    @Test
    void prodRunsTwoConsolesOnDifferentNodesWithABudget() {
        Overlay prod = Overlay.of("prod");
        Deployment d = deployment(prod);
        assertThat(d.getSpec().getReplicas()).isEqualTo(2);
        assertThat(container(prod).getImage()).isEqualTo("registry.example.org/mdcoop/console:0.1.0");
        assertThat(d.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution()).singleElement()
                .satisfies(t -> assertThat(t.getLabelSelector().getMatchLabels())
                        .containsEntry("app.kubernetes.io/name", "console"));
        assertThat(prod.find(PodDisruptionBudget.class, "console")).hasValueSatisfying(
                b -> assertThat(b.getSpec().getMinAvailable().getIntVal()).isEqualTo(1));
        assertThat(prod.all(Secret.class)).isEmpty();
        assertThat(deployment(Overlay.of("dev")).getSpec().getReplicas()).isEqualTo(1);
    }
}
