package org.mdcoop.k8scheck;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
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
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.util.Map;

/**
 * Strict parsing of rendered documents into the models Maven Central has: Strimzi's {@code io.strimzi:api} for
 * {@code kafka.strimzi.io/v1}, fabric8's models for built-in kinds, Gateway API routes and the Prometheus Operator's
 * PrometheusRule. Both libraries catch unknown fields in an {@code @JsonAnySetter} map ("additionalProperties"), which
 * would make FAIL_ON_UNKNOWN_PROPERTIES a no-op; the introspector below hides those any-setters (and any
 * {@code ignoreUnknown}) so that a field the model does not know fails the parse, with its path in the message.
 */
final class StrictModels {

    /** The models a document of this apiVersion/kind is parsed into. */
    static final Map<String, Class<? extends HasMetadata>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("gateway.networking.k8s.io/v1/Gateway", Gateway.class),
            Map.entry("gateway.networking.k8s.io/v1/HTTPRoute", HTTPRoute.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", io.fabric8.openshift.api.model.monitoring.v1.PodMonitor.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));

    /**
     * Kinds without a model on Maven Central: validated by hand against the operators' published JSON Schemas
     * (docs/kubernetes.md, "Checking the operator kinds against their schemas"). Any kind in neither list fails.
     */
    static final java.util.Set<String> SCHEMA_ONLY = java.util.Set.of(
            "postgresql.cnpg.io/v1/Cluster",
            "postgresql.cnpg.io/v1/Database",
            "postgresql.cnpg.io/v1/ScheduledBackup",
            "barmancloud.cnpg.io/v1/ObjectStore",
            "k8s.keycloak.org/v2alpha1/Keycloak",
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport");

    static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .annotationIntrospector(new NoCatchAll())
            .build();

    private StrictModels() {
    }

    static String key(Map<String, Object> doc) {
        return doc.get("apiVersion") + "/" + doc.get("kind");
    }

    /** Parses the document into its model; throws (Jackson's message names the unknown field and its path). */
    static HasMetadata parse(Map<String, Object> doc) {
        Class<? extends HasMetadata> type = MODELS.get(key(doc));
        if (type == null) {
            throw new IllegalArgumentException("no model for " + key(doc));
        }
        return STRICT.convertValue(doc, type);
    }

    /** Hides the catch-all maps of the fabric8 and Strimzi models, so that unknown fields are errors. */
    private static final class NoCatchAll extends JacksonAnnotationIntrospector {
        @Override
        public Boolean hasAnySetter(Annotated a) {
            return modelClass(a.getRawType(), a) ? Boolean.FALSE : super.hasAnySetter(a);
        }

        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated a) {
            JsonIgnoreProperties.Value v = super.findPropertyIgnoralByName(config, a);
            return a instanceof AnnotatedClass c && modelClass(c.getRawType(), a) ? v.withoutIgnoreUnknown() : v;
        }

        private static boolean modelClass(Class<?> raw, Annotated a) {
            String name = a instanceof AnnotatedClass ? raw.getName() : a.getName();
            String owner = a instanceof com.fasterxml.jackson.databind.introspect.AnnotatedMember m
                    ? m.getDeclaringClass().getName() : name;
            return owner.startsWith("io.fabric8.") || owner.startsWith("io.strimzi.");
        }
    }
}
