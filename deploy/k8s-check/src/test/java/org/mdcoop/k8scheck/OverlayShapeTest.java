package org.mdcoop.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** What distinguishes the overlays: single replicas in dev; replicas, spreading, budgets and autoscaling in prod. */
class OverlayShapeTest {

    @Test
    void devRunsOneOfEverything() {
        Overlay dev = Overlay.of("dev");
        for (String s : ServiceConfig.SERVICES) {
            assertThat(dev.deployment(s).getSpec().getReplicas()).isEqualTo(1);
        }
        assertThat(dev.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat((Integer) Overlay.path(dev.custom("Keycloak", "mdcoop-keycloak").orElseThrow(), "spec",
                "instances")).isEqualTo(1);
    }

    @Test
    void prodRunsAtLeastTwoOfEachSpreadOverNodesWithBudgets() {
        Overlay prod = Overlay.of("prod");
        for (String s : ServiceConfig.SERVICES) {
            Deployment d = prod.deployment(s);
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(d.getSpec().getReplicas()).as(s).isGreaterThanOrEqualTo(2);
            assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).doesNotEndWith("SNAPSHOT");
            PodAffinityTerm anti = d.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity()
                    .getRequiredDuringSchedulingIgnoredDuringExecution().get(0);
            assertThat(anti.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
            assertThat(labels.entrySet()).containsAll(anti.getLabelSelector().getMatchLabels().entrySet());
            assertThat(d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints()).isNotEmpty();
            PodDisruptionBudget pdb = prod.all(PodDisruptionBudget.class).stream().filter(b -> labels.entrySet()
                    .containsAll(b.getSpec().getSelector().getMatchLabels().entrySet())).findFirst()
                    .orElseThrow(() -> new AssertionError("no PodDisruptionBudget for " + s));
            assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isBetween(1, d.getSpec().getReplicas() - 1);
        }
        assertThat((Integer) Overlay.path(prod.custom("Keycloak", "mdcoop-keycloak").orElseThrow(), "spec",
                "instances")).isGreaterThanOrEqualTo(2);
    }

    /**
     * fusion-service scales by stream, not by CPU: a stream has one owner, so an autoscaler adding replicas would not
     * relieve the live picture; two replicas make the second a hot standby that takes a stream over from its snapshot.
     */
    @Test
    void prodRunsTwoFusionServicesWithoutAnAutoscaler() {
        Overlay prod = Overlay.of("prod");
        Deployment d = prod.deployment("fusion");
        assertThat(d.getSpec().getReplicas()).isEqualTo(2);
        assertThat(d.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(prod.all(HorizontalPodAutoscaler.class)).noneMatch(h -> "fusion-service".equals(
                h.getSpec().getScaleTargetRef().getName()));
    }
}
