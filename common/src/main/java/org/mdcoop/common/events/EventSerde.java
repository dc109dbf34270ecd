package org.mdcoop.common.events;

import java.time.Instant;
import java.util.UUID;

import org.mdcoop.common.domain.Party;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one serializer for events. Unknown envelope members are tolerated (a newer producer may add some), but a
 * message without the members every consumer relies on is poison and is refused with the reason.
 */
public final class EventSerde {

    // numbers are most of a track update (state, covariance, products): JDK 17's Double.toString and parseDouble
    // were the largest cost of sending and reading them; Jackson's own writer and parser give the same values
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                    .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                    .build())
            .registerModule(new JavaTimeModule())
            // after JavaTimeModule, so it takes precedence for Instant
            .registerModule(new SimpleModule("mdcoop-instants").addDeserializer(Instant.class, new IsoInstantDeserializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventSerde() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toJson(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be serialized", e);
        }
    }

    /** Converts a payload record (or map) into the envelope's JSON payload. */
    public static JsonNode payloadOf(Object payload) {
        return MAPPER.valueToTree(payload);
    }

    public static <T> T payloadAs(EventEnvelope envelope, Class<T> type) {
        try {
            return MAPPER.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonMessageException("payload of " + envelope.type() + " is not valid: " + firstLine(e.getMessage()), e);
        }
    }

    public static EventEnvelope fromJson(String json) {
        EventEnvelope envelope;
        try {
            envelope = MAPPER.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonMessageException("not a valid event envelope: " + firstLine(e.getMessage()), e);
        }
        if (envelope == null || envelope.eventId() == null || envelope.type() == null || envelope.type().isBlank()
                || envelope.occurredAt() == null || envelope.payload() == null) {
            throw new PoisonMessageException("event envelope lacks eventId, type, occurredAt or payload", null);
        }
        return envelope;
    }

    public static EventEnvelope envelope(String type, int version, Instant occurredAt, String producer, Party party,
            String actor, UUID agreementId, String subjectId, Object payload) {
        return new EventEnvelope(UUID.randomUUID(), type, version, occurredAt, producer, party, actor, agreementId,
                subjectId, payloadOf(payload));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
