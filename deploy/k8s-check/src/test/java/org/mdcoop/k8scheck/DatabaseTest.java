package org.mdcoop.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;

/** CloudNativePG: every service's database, owned by its role, in the cluster its DB_URL points at. */
class DatabaseTest {

    static final List<Object[]> OVERLAY_SERVICES = WorkloadTest.OVERLAY_SERVICES;
    static final List<String> OVERLAYS = Overlay.NAMES;

    @ParameterizedTest(name = "{0} {1}")
    @FieldSource("OVERLAY_SERVICES")
    void everyServiceHasItsDatabaseAndOwnerRole(String overlay, String service) {
        Overlay o = Overlay.of(overlay);
        ServiceConfig config = ServiceConfig.load(service);
        String db = config.get("mdcoop.service.db");
        String url = WorkloadTest.environment(o, o.deployment(service).getSpec().getTemplate().getSpec()
                .getContainers().get(0)).get("DB_URL");
        // jdbc:postgresql://<cluster>-rw:5432/<db>?...
        String host = url.substring("jdbc:postgresql://".length(), url.indexOf(':', "jdbc:postgresql://".length()));
        assertThat(host).endsWith("-rw");
        String clusterName = host.substring(0, host.length() - 3);
        GenericKubernetesResource cluster = o.custom("Cluster", clusterName).orElseThrow(
                () -> new AssertionError("no CloudNativePG Cluster " + clusterName));

        boolean byDatabase = o.custom("Database").stream().anyMatch(d ->
                clusterName.equals(Overlay.path(d, "spec", "cluster", "name")) && db.equals(Overlay.path(d, "spec", "name"))
                        && db.equals(Overlay.path(d, "spec", "owner"))
                        && !"absent".equals(Overlay.path(d, "spec", "ensure")));
        boolean byBootstrap = db.equals(Overlay.path(cluster, "spec", "bootstrap", "initdb", "database"))
                && db.equals(Overlay.path(cluster, "spec", "bootstrap", "initdb", "owner"));
        assertThat(byDatabase || byBootstrap).as("database %s owned by %s in %s", db, db, clusterName).isTrue();

        Map<String, Object> role = Kustomize.maps(Overlay.path(cluster, "spec", "managed", "roles")).stream()
                .filter(r -> db.equals(r.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no managed role " + db));
        assertThat(role.get("login")).isEqualTo(true);
        assertThat(role.get("superuser")).isNotEqualTo(true);
        assertThat(role.get("createdb")).isNotEqualTo(true);
        // the role's password is the one the service logs in with
        String secret = Overlay.path(role, "passwordSecret", "name");
        assertThat(WorkloadTest.environment(o, o.deployment(service).getSpec().getTemplate().getSpec()
                .getContainers().get(0)).get("DB_PASSWORD")).isEqualTo("secret " + secret + "/password");
        o.find(Secret.class, secret).ifPresent(s -> {
            assertThat(s.getType()).isEqualTo("kubernetes.io/basic-auth");
            assertThat(s.getStringData()).containsEntry("username", db).containsKey("password");
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void clustersHaveTheDesignedSizeAndBackups(String overlay) {
        Overlay o = Overlay.of(overlay);
        int expected = overlay.equals("prod") ? 3 : 1;
        for (String name : List.of("mdcoop-db", "keycloak-db")) {
            GenericKubernetesResource c = o.custom("Cluster", name).orElseThrow();
            assertThat((Integer) Overlay.path(c, "spec", "instances")).as(name).isEqualTo(expected);
            assertThat((Object) Overlay.path(c, "spec", "enableSuperuserAccess")).isEqualTo(false);
        }
        GenericKubernetesResource keycloak = o.custom("Keycloak", "mdcoop-keycloak").orElseThrow();
        assertThat((String) Overlay.path(keycloak, "spec", "db", "host")).isEqualTo("keycloak-db-rw");
        if (overlay.equals("prod")) {
            GenericKubernetesResource c = o.custom("Cluster", "mdcoop-db").orElseThrow();
            List<Map<String, Object>> plugins = Kustomize.maps(Overlay.path(c, "spec", "plugins"));
            assertThat(plugins).singleElement().satisfies(p -> {
                assertThat(p.get("isWALArchiver")).isEqualTo(true);
                String store = Overlay.path(p, "parameters", "barmanObjectName");
                assertThat(o.custom("ObjectStore", store)).isPresent();
            });
            assertThat(o.custom("ScheduledBackup")).singleElement().satisfies(b ->
                    assertThat((String) Overlay.path(b, "spec", "cluster", "name")).isEqualTo("mdcoop-db"));
        }
    }
}
