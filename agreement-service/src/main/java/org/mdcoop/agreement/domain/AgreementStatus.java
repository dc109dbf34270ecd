package org.mdcoop.agreement.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle states of an {@link Agreement}.
 *
 * <pre>
 * DRAFT --submit--> PROPOSED --accept (other party)--> PROVISIONAL --both consent--> PERMANENT
 * PROPOSED --reject (other) / retract (proposer)--> REJECTED / RETRACTED
 * PROVISIONAL --withdraw (either)--> WITHDRAWN                (immediate)
 * PROVISIONAL --expiresAt reached, no extension--> EXPIRED    (scheduler)
 * PROVISIONAL --both consent to extend by N--> PROVISIONAL    (expiresAt += N months)
 * PERMANENT --withdraw (either)--> WITHDRAWAL_PENDING --noticeEndsAt reached--> WITHDRAWN
 * </pre>
 */
public enum AgreementStatus {
    DRAFT,
    PROPOSED,
    PROVISIONAL,
    PERMANENT,
    WITHDRAWAL_PENDING,
    REJECTED,
    RETRACTED,
    WITHDRAWN,
    EXPIRED;

    private static final Set<AgreementStatus> IN_FORCE = EnumSet.of(PROVISIONAL, PERMANENT, WITHDRAWAL_PENDING);
    private static final Set<AgreementStatus> SLOT = EnumSet.of(PROPOSED, PROVISIONAL, PERMANENT, WITHDRAWAL_PENDING);
    private static final Set<AgreementStatus> TERMINAL = EnumSet.of(REJECTED, RETRACTED, WITHDRAWN, EXPIRED);

    /**
     * "In force" by status: PROVISIONAL, PERMANENT or WITHDRAWAL_PENDING. Note that a PROVISIONAL agreement with a
     * future effective date, or one whose expiry is due but not yet applied by the scheduler, is in force by status
     * but not in fact; use {@link Agreement#isInForceAt(java.time.Instant)} for the time-aware answer.
     */
    public boolean isInForce() {
        return IN_FORCE.contains(this);
    }

    /**
     * Whether an agreement in this state occupies "the slot": only one agreement PROPOSED, PROVISIONAL, PERMANENT or
     * WITHDRAWAL_PENDING may exist between the parties at a time. The service enforces this with a query over
     * {@link #slotStatuses()} (a partial unique index on the status column is a good backstop).
     */
    public boolean occupiesTheSlot() {
        return SLOT.contains(this);
    }

    /** No command can change an agreement in a terminal state. */
    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    /** The statuses that occupy the slot, for the service's "one agreement at a time" query. */
    public static Set<AgreementStatus> slotStatuses() {
        return EnumSet.copyOf(SLOT);
    }

    /** The statuses that are in force (by status), for queries. */
    public static Set<AgreementStatus> inForceStatuses() {
        return EnumSet.copyOf(IN_FORCE);
    }
}
