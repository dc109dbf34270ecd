package org.mdcoop.agreement.contract;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The agreement-service's topics and message types. Deployments may rename the topics (tests use topics of their own,
 * so their agreements never reach a running stack); these are the names of the real system.
 */
public final class AgreementTopics {

    /** Compacted, keyed by agreement id: the latest {@link AgreementStatusMessage} of every agreement, and the heartbeat. */
    public static final String STATUS = "agreement.status";

    /** Every public lifecycle event, each carrying the agreement's status after it ({@link #STATUS_MEMBER}). */
    public static final String EVENTS = "agreement.events";

    /** Where followers dead-letter agreement messages they cannot read. */
    public static final String EVENTS_DLQ = "agreement.events.dlq";

    /** Envelope type of the messages on {@link #STATUS}. */
    public static final String STATUS_TYPE = "agreement.status";

    /** Envelope version of {@link #STATUS_TYPE} and of the agreement events. */
    public static final int VERSION = 1;

    /** The member of every {@code agreement.events} payload that holds the status after the event. */
    public static final String STATUS_MEMBER = "agreementStatus";

    /** Published when a deferred effective moment arrives (for the record; followers need no event to open). */
    public static final String IN_FORCE_EVENT = "agreement.in-force";

    /** Published when a provisional term ends without extension (for the record; followers close by the terms). */
    public static final String EXPIRED_EVENT = "agreement.expired";

    private AgreementTopics() {
    }

    /**
     * The event id of every heartbeat of one revision of an agreement. A heartbeat repeats a status that is already
     * committed (and was published through the outbox under an id of its own), so all heartbeats of a revision are
     * one fact and carry one id: a follower's idempotent consumer claims each revision's heartbeat once, instead of
     * recording a claim every few seconds for ever. A name-based UUID, so any producer (or test fake) computes it.
     */
    public static UUID heartbeatEventId(UUID agreementId, long revision) {
        return UUID.nameUUIDFromBytes(("agreement.status heartbeat " + agreementId + " " + revision)
                .getBytes(StandardCharsets.UTF_8));
    }
}
