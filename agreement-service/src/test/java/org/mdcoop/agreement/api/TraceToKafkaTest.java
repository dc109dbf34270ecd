package org.mdcoop.agreement.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mdcoop.agreement.api.AgreementApi.STATUS_TOPIC;
import static org.mdcoop.agreement.api.AgreementApi.natoLiaison;
import static org.mdcoop.agreement.api.AgreementApi.provisionalAgreement;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.mdcoop.common.events.EventSerde;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A REST withdrawal made in a caller's trace (its {@code traceparent} header): the request's span continues it, the
 * outbox rows the withdrawal writes store the request's traceparent, and the relay sends it as the Kafka header on
 * the status. exercise-service's {@code TraceAcrossKafkaTest} continues from that header to the halt it causes.
 */
@QuarkusTest
class TraceToKafkaTest {

    @Inject
    InMemorySpanExporter spans;

    @Inject
    DataSource dataSource;

    @Test
    void aWithdrawalsTraceTravelsFromTheRequestThroughTheOutboxOntoTheStatusTopic() throws Exception {
        String id = provisionalAgreement();
        String traceId = hex(16);
        String callerSpanId = hex(8);
        try (KafkaConsumer<String, String> status = tailOf(STATUS_TOPIC)) {
            natoLiaison().header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                    .body("{\"reason\":\"traced withdrawal\"}")
                    .post("/api/agreements/" + id + "/withdraw").then().statusCode(200);

            // the request's server span is the caller's child
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                    .anySatisfy(s -> {
                        assertThat(s.getTraceId()).isEqualTo(traceId);
                        assertThat(s.getKind()).isEqualTo(SpanKind.SERVER);
                        assertThat(s.getParentSpanId()).isEqualTo(callerSpanId);
                    }));
            // every row the withdrawal wrote is in that trace
            Map<UUID, String> stored = traceparentsOfRowsAbout(id, "%WITHDRAWN%");
            assertThat(stored.values()).isNotEmpty()
                    .allSatisfy(t -> assertThat(t).startsWith("00-" + traceId + "-"));
            // and the status the relay sent from those rows carries it (the heartbeat, sent directly, has none)
            Map<UUID, String> sent = new HashMap<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                for (ConsumerRecord<String, String> r : status.poll(Duration.ofMillis(300))) {
                    UUID eventId = EventSerde.fromJson(r.value()).eventId();
                    if (id.equals(r.key()) && stored.containsKey(eventId)) {
                        Header h = r.headers().lastHeader("traceparent");
                        sent.put(eventId, h == null ? null : new String(h.value(), StandardCharsets.UTF_8));
                    }
                }
                assertThat(sent).isNotEmpty();
            });
            sent.forEach((eventId, traceparent) -> assertThat(traceparent).isEqualTo(stored.get(eventId)));
        }
    }

    /** Event id → traceparent of the outbox rows about the agreement whose payload is like {@code payloadLike}. */
    private Map<UUID, String> traceparentsOfRowsAbout(String agreementId, String payloadLike) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "select event_id, traceparent from outbox where message_key = ? and payload like ?")) {
            q.setString(1, agreementId);
            q.setString(2, payloadLike);
            Map<UUID, String> out = new HashMap<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
            return out;
        }
    }

    /** A consumer of what arrives on {@code topic} from now on. */
    private static KafkaConsumer<String, String> tailOf(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "agreement-test-trace-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topic));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        return consumer;
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never the invalid all-zero id
        return HexFormat.of().formatHex(b);
    }
}
