package org.mdcoop.common.events;

import java.time.Instant;
import java.util.UUID;

import org.mdcoop.common.domain.Party;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one envelope of every event on every topic. {@code subjectId} is also the Kafka key, so one subject's events
 * stay ordered; {@code eventId} is what consumers de-duplicate on.
 *
 * @param party   the party whose action caused the event (null for the system itself, e.g. expiry)
 * @param actor   issuer-qualified subject of the person or service account, or {@code system}
 * @param payload type-specific content; its shape is fixed by {@code type} and {@code version}
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String producer,
        Party party,
        String actor,
        UUID agreementId,
        String subjectId,
        JsonNode payload) {

    public static final String SYSTEM_ACTOR = "system";
}
