package org.mdcoop.agreement.domain;

import java.time.Instant;
import java.util.UUID;

import org.mdcoop.common.domain.Party;

/** Something that happened to an agreement or an amendment, returned by the command methods. */
public interface DomainEvent {

    /** Stable event type, e.g. {@code agreement.activated}; also used as the audit {@code action}. */
    String type();

    UUID agreementId();

    /** The id of the subject the event is about (agreement or amendment id); the Kafka key. */
    UUID subjectId();

    /** The acting party, or {@code null} for system actions (expiry, end of notice period). */
    Party actor();

    /** When the command was applied (the {@code now} passed in, truncated to microseconds). */
    Instant at();
}
