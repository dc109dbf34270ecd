package org.mdcoop.k8scheck;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** One rendered overlay: the raw resources and their fabric8 model (typed for built-in kinds, generic for CRDs). */
final class Overlay {

    static final List<String> NAMES = List.of("dev", "prod");
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Map<String, Class<? extends HasMetadata>> TYPED = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "apps/v1/Deployment", Deployment.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "gateway.networking.k8s.io/v1/Gateway", Gateway.class,
            "gateway.networking.k8s.io/v1/HTTPRoute", HTTPRoute.class);
    private static final Map<String, Overlay> CACHE = new ConcurrentHashMap<>();

    final String name;
    final List<Map<String, Object>> raw;
    final List<HasMetadata> resources = new ArrayList<>();

    private Overlay(String name) {
        this.name = name;
        this.raw = Kustomize.render(dir(name));
        for (Map<String, Object> r : raw) {
            Class<? extends HasMetadata> type = TYPED.get(r.get("apiVersion") + "/" + r.get("kind"));
            Class<? extends HasMetadata> as = type != null ? type : GenericKubernetesResource.class;
            resources.add(JSON.convertValue(r, as));
        }
    }

    static Path k8s() {
        return ServiceConfig.root().resolve("deploy/k8s");
    }

    static Path dir(String overlay) {
        return k8s().resolve("overlays").resolve(overlay);
    }

    static Overlay of(String name) {
        return CACHE.computeIfAbsent(name, Overlay::new);
    }

    static boolean isTyped(Map<String, Object> r) {
        return TYPED.containsKey(r.get("apiVersion") + "/" + r.get("kind"));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> kind.equals(r.getKind())).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst();
    }

    Optional<GenericKubernetesResource> custom(String kind, String name) {
        return custom(kind).stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst();
    }

    Deployment deployment(String service) {
        return find(Deployment.class, service + "-service").orElseThrow(
                () -> new AssertionError(name + ": no Deployment " + service + "-service"));
    }

    @SuppressWarnings("unchecked")
    static <T> T path(Object node, String... keys) {
        Object o = node instanceof GenericKubernetesResource g ? g.getAdditionalProperties() : node;
        for (String k : keys) {
            if (!(o instanceof Map)) {
                return null;
            }
            o = ((Map<String, Object>) o).get(k);
        }
        return (T) o;
    }
}
