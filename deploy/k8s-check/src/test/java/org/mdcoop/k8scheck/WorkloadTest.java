package org.mdcoop.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerTLSConfig;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.SecretObjectReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The four service Deployments: probes, resources, hardening, configuration, Services, routes, references. */
class WorkloadTest {

    static final List<String> OVERLAYS = Overlay.NAMES;

    /**
     * Secrets that no manifest creates because an operator writes them, by who writes them. Everything else a
     * resource references must be in the rendered overlay, or (prod only) in {@link #PROVIDED_IN_PROD}.
     */
    static final Map<String, String> OPERATOR_SECRETS = Map.ofEntries(
            Map.entry("mdcoop-agreement", "Strimzi User Operator (KafkaUser mdcoop-agreement)"),
            Map.entry("mdcoop-transparency", "Strimzi User Operator (KafkaUser mdcoop-transparency)"),
            Map.entry("mdcoop-exercise", "Strimzi User Operator (KafkaUser mdcoop-exercise)"),
            Map.entry("mdcoop-fusion", "Strimzi User Operator (KafkaUser mdcoop-fusion)"),
            Map.entry("mdcoop-cluster-ca-cert", "Strimzi Cluster Operator (Kafka mdcoop, cluster CA)"),
            Map.entry("keycloak-db-app", "CloudNativePG (Cluster keycloak-db, bootstrap owner)"),
            Map.entry("mdcoop-tls", "cert-manager gateway-shim (Gateway mdcoop, listener api)"),
            Map.entry("mdcoop-auth-tls", "cert-manager gateway-shim (Gateway mdcoop, listener auth)"),
            Map.entry("mdcoop-console-tls", "cert-manager gateway-shim (Gateway mdcoop, listener console)"));
    /** Secrets the operator of the platform creates before deploying prod (docs/kubernetes.md). */
    static final Set<String> PROVIDED_IN_PROD = Set.of("mdcoop-agreement-db", "mdcoop-transparency-db",
            "mdcoop-exercise-db", "mdcoop-fusion-db", "mdcoop-backup-s3", "mdcoop-console");

    static List<Object[]> overlayServices() {
        List<Object[]> all = new ArrayList<>();
        for (String o : Overlay.NAMES) {
            for (String s : ServiceConfig.SERVICES) {
                all.add(new Object[] {o, s});
            }
        }
        return all;
    }

    static final List<Object[]> OVERLAY_SERVICES = overlayServices();

    private static Container container(Deployment d) {
        List<Container> cs = d.getSpec().getTemplate().getSpec().getContainers();
        assertThat(cs).as(d.getMetadata().getName()).hasSize(1);
        return cs.get(0);
    }

    @ParameterizedTest(name = "{0} {1}")
    @FieldSource("OVERLAY_SERVICES")
    void probesComeFromSmallRyeHealthOnTheHttpPort(String overlay, String service) {
        Container c = container(Overlay.of(overlay).deployment(service));
        assertProbe(c.getLivenessProbe(), "/q/health/live");
        assertProbe(c.getReadinessProbe(), "/q/health/ready");
        assertProbe(c.getStartupProbe(), "/q/health/started");
        int port = Integer.parseInt(ServiceConfig.load(service).get("quarkus.http.port"));
        assertThat(c.getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("http", port));
    }

    private static void assertProbe(Probe p, String path) {
        assertThat(p).as(path).isNotNull();
        assertThat(p.getHttpGet().getPath()).isEqualTo(path);
        assertThat(p.getHttpGet().getPort().getStrVal()).isEqualTo("http");
        assertThat(p.getPeriodSeconds()).isNotNull();
    }

    @ParameterizedTest(name = "{0} {1}")
    @FieldSource("OVERLAY_SERVICES")
    void requestsAndLimitsForCpuAndMemory(String overlay, String service) {
        Container c = container(Overlay.of(overlay).deployment(service));
        assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(c.getResources().getLimits()).containsKeys("cpu", "memory");
        assertThat(io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(c.getResources().getLimits().get("memory")))
                .isGreaterThanOrEqualTo(io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(
                        c.getResources().getRequests().get("memory")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @FieldSource("OVERLAY_SERVICES")
    void nonRootReadOnlyNoPrivilegeEscalationNoCapabilities(String overlay, String service) {
        Deployment d = Overlay.of(overlay).deployment(service);
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(185L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getEnableServiceLinks()).as("KAFKA_* service links would reach the Kafka config").isFalse();
        Container c = container(d);
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(c.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(c.getSecurityContext().getPrivileged()).isNotEqualTo(Boolean.TRUE);
        VolumeMount tmp = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                .orElseThrow(() -> new AssertionError("no /tmp mount"));
        Volume v = pod.getVolumes().stream().filter(x -> x.getName().equals(tmp.getName())).findFirst().orElseThrow();
        assertThat(v.getEmptyDir()).isNotNull();
        assertThat(Overlay.of(overlay).find(ServiceAccount.class, pod.getServiceAccountName())).isPresent();
    }

    /** Every environment variable the prod profile reads without a default is set, from a ConfigMap or Secret. */
    @ParameterizedTest(name = "{0} {1}")
    @FieldSource("OVERLAY_SERVICES")
    void everyVariableTheProdProfileNeedsIsSet(String overlay, String service) {
        Overlay o = Overlay.of(overlay);
        ServiceConfig config = ServiceConfig.load(service);
        Map<String, String> env = environment(o, container(o.deployment(service)));
        assertThat(config.requiredEnv).contains("DB_URL", "DB_USER", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
                "OIDC_NATO_URL", "OIDC_RUSSIA_URL");
        assertThat(env).containsKeys(config.requiredEnv.toArray(String[]::new));
        assertThat(env.get("DB_USER")).isEqualTo("secret mdcoop-" + service + "-db/username");
        assertThat(env.get("DB_PASSWORD")).isEqualTo("secret mdcoop-" + service + "-db/password");
        assertThat(env.get("DB_URL")).isEqualTo("jdbc:postgresql://mdcoop-db-rw:5432/"
                + config.get("mdcoop.service.db") + "?sslmode=require");
        // the Kafka client settings for SCRAM over TLS (common reads them as %prod.kafka.*, see docs/kubernetes.md)
        assertThat(env).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("KAFKA_SASL_JAAS_CONFIG", "secret mdcoop-" + service + "/sasl.jaas.config")
                .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
        String truststore = env.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
        assertThat(container(o.deployment(service)).getVolumeMounts())
                .anyMatch(m -> truststore.startsWith(m.getMountPath() + "/"));
        assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("mdcoop-kafka-bootstrap:9093");
        for (String party : List.of("nato", "russia")) {
            assertThat(env.get("OIDC_" + party.toUpperCase() + "_URL"))
                    .isEqualTo("http://mdcoop-keycloak-service:8080/realms/" + party);
            String hostname = Overlay.path(o.custom("Keycloak", "mdcoop-keycloak").orElseThrow(),
                    "spec", "hostname", "hostname");
            assertThat(env.get("QUARKUS_OIDC_" + party.toUpperCase() + "_TOKEN_ISSUER"))
                    .isEqualTo(hostname + "/realms/" + party);
        }
    }

    /** name -> literal value, or "secret NAME/KEY" / "configmap NAME/KEY" for references. */
    static Map<String, String> environment(Overlay o, Container c) {
        Map<String, String> env = new HashMap<>();
        for (EnvFromSource from : c.getEnvFrom()) {
            assertThat(from.getConfigMapRef()).isNotNull();
            ConfigMap cm = o.find(ConfigMap.class, from.getConfigMapRef().getName()).orElseThrow(
                    () -> new AssertionError("no ConfigMap " + from.getConfigMapRef().getName()));
            env.putAll(cm.getData());
        }
        for (EnvVar v : c.getEnv()) {
            if (v.getValue() != null) {
                env.put(v.getName(), v.getValue());
            } else if (v.getValueFrom().getSecretKeyRef() != null) {
                env.put(v.getName(), "secret " + v.getValueFrom().getSecretKeyRef().getName() + "/"
                        + v.getValueFrom().getSecretKeyRef().getKey());
            } else if (v.getValueFrom().getConfigMapKeyRef() != null) {
                env.put(v.getName(), "configmap " + v.getValueFrom().getConfigMapKeyRef().getName() + "/"
                        + v.getValueFrom().getConfigMapKeyRef().getKey());
            } else {
                env.put(v.getName(), "field");
            }
        }
        return env;
    }

    /** Every Secret and ConfigMap any resource refers to exists in the overlay, or an operator writes it. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyReferencedSecretAndConfigMapExists(String overlay) {
        Overlay o = Overlay.of(overlay);
        Set<String> secrets = new java.util.HashSet<>();
        Set<String> configMaps = new java.util.HashSet<>();
        for (Deployment d : o.all(Deployment.class)) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            for (Container c : pod.getContainers()) {
                c.getEnvFrom().forEach(f -> {
                    if (f.getConfigMapRef() != null) {
                        configMaps.add(f.getConfigMapRef().getName());
                    }
                    if (f.getSecretRef() != null) {
                        secrets.add(f.getSecretRef().getName());
                    }
                });
                c.getEnv().stream().filter(e -> e.getValueFrom() != null).forEach(e -> {
                    if (e.getValueFrom().getSecretKeyRef() != null) {
                        secrets.add(e.getValueFrom().getSecretKeyRef().getName());
                    }
                    if (e.getValueFrom().getConfigMapKeyRef() != null) {
                        configMaps.add(e.getValueFrom().getConfigMapKeyRef().getName());
                    }
                });
            }
            for (Volume v : pod.getVolumes()) {
                if (v.getSecret() != null) {
                    secrets.add(v.getSecret().getSecretName());
                }
                if (v.getConfigMap() != null) {
                    configMaps.add(v.getConfigMap().getName());
                }
            }
        }
        for (GenericKubernetesResource c : o.custom("Cluster")) {
            secrets.add(Overlay.path(c, "spec", "bootstrap", "initdb", "secret", "name"));
            for (Map<String, Object> role : Kustomize.maps(Overlay.path(c, "spec", "managed", "roles"))) {
                secrets.add(Overlay.path(role, "passwordSecret", "name"));
            }
        }
        for (GenericKubernetesResource k : o.custom("Keycloak")) {
            secrets.add(Overlay.path(k, "spec", "db", "usernameSecret", "name"));
            secrets.add(Overlay.path(k, "spec", "db", "passwordSecret", "name"));
        }
        for (GenericKubernetesResource store : o.custom("ObjectStore")) {
            Map<String, Object> creds = Overlay.path(store, "spec", "configuration", "s3Credentials");
            creds.values().forEach(ref -> secrets.add(Overlay.path(ref, "name")));
        }
        for (GenericKubernetesResource kafka : o.custom("Kafka")) {
            configMaps.add(Overlay.path(kafka, "spec", "kafka", "metricsConfig", "valueFrom", "configMapKeyRef", "name"));
        }
        for (Gateway g : o.all(Gateway.class)) {
            g.getSpec().getListeners().stream().map(l -> l.getTls()).filter(t -> t != null)
                    .map(ListenerTLSConfig::getCertificateRefs).flatMap(List::stream)
                    .map(SecretObjectReference::getName).forEach(secrets::add);
        }
        secrets.remove(null);
        configMaps.remove(null);
        assertThat(secrets).as("secrets referenced").isNotEmpty();

        Set<String> present = new TreeSet<>();
        o.all(Secret.class).forEach(s -> present.add(s.getMetadata().getName()));
        Set<String> missing = new TreeSet<>(secrets);
        missing.removeAll(present);
        missing.removeAll(OPERATOR_SECRETS.keySet());
        if (overlay.equals("prod")) {
            missing.removeAll(PROVIDED_IN_PROD);
            assertThat(present).as("prod ships no credentials").isEmpty();
        }
        assertThat(missing).as("secrets neither rendered nor written by an operator").isEmpty();
        Set<String> cms = new TreeSet<>();
        o.all(ConfigMap.class).forEach(c -> cms.add(c.getMetadata().getName()));
        assertThat(cms).containsAll(configMaps);
    }

    /** Every Service selects a Deployment's pods and each of its ports targets a container port of them. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServicePortMatchesAContainerPort(String overlay) {
        Overlay o = Overlay.of(overlay);
        assertThat(o.all(Service.class)).hasSize(5);
        for (Service s : o.all(Service.class)) {
            List<Deployment> selected = o.all(Deployment.class).stream().filter(d -> d.getSpec().getTemplate()
                    .getMetadata().getLabels().entrySet().containsAll(s.getSpec().getSelector().entrySet())).toList();
            assertThat(selected).as(s.getMetadata().getName()).hasSize(1);
            Deployment d = selected.get(0);
            assertThat(d.getSpec().getSelector().getMatchLabels().entrySet())
                    .isSubsetOf(d.getSpec().getTemplate().getMetadata().getLabels().entrySet());
            List<ContainerPort> ports = container(d).getPorts();
            for (ServicePort p : s.getSpec().getPorts()) {
                if (p.getTargetPort().getIntVal() != null) {
                    assertThat(ports).as(s.getMetadata().getName() + " " + p.getPort())
                            .anyMatch(cp -> cp.getContainerPort().equals(p.getTargetPort().getIntVal())
                                    && cp.getProtocol().equals(p.getProtocol()));
                } else {
                    assertThat(ports).anyMatch(cp -> p.getTargetPort().getStrVal().equals(cp.getName()));
                }
            }
        }
    }

    /** The four APIs under one host with TLS: /{service}/api -> {service}-service /api, nothing else routed. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theGatewayRoutesEachApiOverTls(String overlay) {
        Overlay o = Overlay.of(overlay);
        Gateway g = o.find(Gateway.class, "mdcoop").orElseThrow();
        var api = g.getSpec().getListeners().stream().filter(l -> l.getName().equals("api")).findFirst().orElseThrow();
        assertThat(api.getProtocol()).isEqualTo("HTTPS");
        assertThat(api.getTls().getMode()).isEqualTo("Terminate");
        Set<String> hosts = new LinkedHashSet<>();
        for (String service : ServiceConfig.SERVICES) {
            HTTPRoute r = o.find(HTTPRoute.class, service + "-api").orElseThrow();
            assertThat(r.getSpec().getParentRefs()).anyMatch(p -> p.getName().equals("mdcoop")
                    && "api".equals(p.getSectionName()));
            hosts.addAll(r.getSpec().getHostnames());
            assertThat(r.getSpec().getRules()).hasSize(1);
            HTTPRouteRule rule = r.getSpec().getRules().get(0);
            assertThat(rule.getMatches()).singleElement().satisfies(m -> {
                assertThat(m.getPath().getType()).isEqualTo("PathPrefix");
                assertThat(m.getPath().getValue()).isEqualTo("/" + service + "/api");
            });
            assertThat(rule.getFilters()).singleElement().satisfies(f -> assertThat(
                    f.getUrlRewrite().getPath().getReplacePrefixMatch()).isEqualTo("/api"));
            assertThat(rule.getBackendRefs()).singleElement().satisfies(b -> {
                Service s = o.find(Service.class, b.getName()).orElseThrow();
                assertThat(s.getSpec().getPorts()).anyMatch(p -> p.getPort().equals(b.getPort()));
                assertThat(b.getName()).isEqualTo(service + "-service");
            });
        }
        assertThat(hosts).containsExactly(api.getHostname());
    }
}
