package org.mdcoop.agreement.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.mdcoop.common.domain.Party;

/**
 * Events returned by {@link Agreement}'s command methods. {@link #type()} values are stable (documented in
 * docs/events.md by the service layer) and double as audit actions.
 */
public sealed interface AgreementEvent extends DomainEvent {

    @Override
    default UUID subjectId() {
        return agreementId();
    }

    record DraftCreated(UUID agreementId, Party actor, Instant at, Set<Element> elements, int termMonths,
            Instant proposedEffectiveAt) implements AgreementEvent {
        public DraftCreated {
            elements = Set.copyOf(elements);
        }

        public String type() {
            return "agreement.draft-created";
        }
    }

    record DraftEdited(UUID agreementId, Party actor, Instant at, Set<Element> elements, int termMonths,
            Instant proposedEffectiveAt) implements AgreementEvent {
        public DraftEdited {
            elements = Set.copyOf(elements);
        }

        public String type() {
            return "agreement.draft-edited";
        }
    }

    /** DRAFT → PROPOSED. */
    record Proposed(UUID agreementId, Party actor, Instant at, Set<Element> elements, int termMonths,
            Instant proposedEffectiveAt) implements AgreementEvent {
        public Proposed {
            elements = Set.copyOf(elements);
        }

        public String type() {
            return "agreement.proposed";
        }
    }

    /** PROPOSED → PROVISIONAL (accepted by the other party). Cooperation starts at {@code effectiveAt}. */
    record Activated(UUID agreementId, Party actor, Instant at, Party proposer, Set<Element> elements,
            int termMonths, Instant effectiveAt, Instant expiresAt) implements AgreementEvent {
        public Activated {
            elements = Set.copyOf(elements);
        }

        public String type() {
            return "agreement.activated";
        }
    }

    /**
     * A deferred effective moment has come (system): cooperation starts now without any party acting. Followers need
     * no message for it (they evaluate the terms with their own clock); it is published for the record and the audit
     * chain. An agreement effective at acceptance has none: {@link Activated} says it.
     */
    record CameIntoForce(UUID agreementId, Party actor, Instant at, Set<Element> elements, Instant effectiveAt,
            Instant expiresAt) implements AgreementEvent {
        public CameIntoForce {
            elements = Set.copyOf(elements);
        }

        public String type() {
            return "agreement.in-force";
        }
    }

    /** PROPOSED → REJECTED by the other party; {@code reason} may be null. */
    record Rejected(UUID agreementId, Party actor, Instant at, String reason) implements AgreementEvent {
        public String type() {
            return "agreement.rejected";
        }
    }

    /** PROPOSED → RETRACTED by the proposer; {@code reason} may be null. */
    record Retracted(UUID agreementId, Party actor, Instant at, String reason) implements AgreementEvent {
        public String type() {
            return "agreement.retracted";
        }
    }

    /**
     * → WITHDRAWN. From PROVISIONAL: {@code actor} withdrew now ({@code at == endedAt}). From WITHDRAWAL_PENDING (end of
     * notice): {@code actor} is {@code null} (system), {@code withdrawnBy} is the party that gave notice and
     * {@code endedAt} is the notice end.
     */
    record Withdrawn(UUID agreementId, Party actor, Instant at, Party withdrawnBy, String reason,
            AgreementStatus from, Instant endedAt) implements AgreementEvent {
        public String type() {
            return "agreement.withdrawn";
        }
    }

    /** PERMANENT → WITHDRAWAL_PENDING. Cooperation continues until {@code noticeEndsAt}. */
    record WithdrawalNoticed(UUID agreementId, Party actor, Instant at, String reason, Instant noticeEndsAt)
            implements AgreementEvent {
        public String type() {
            return "agreement.withdrawal-noticed";
        }
    }

    /** PROVISIONAL → EXPIRED (system). {@code endedAt} is the former {@code expiresAt}, {@code at} when detected. */
    record Expired(UUID agreementId, Party actor, Instant at, Instant endedAt) implements AgreementEvent {
        public String type() {
            return "agreement.expired";
        }
    }

    record ExtensionConsented(UUID agreementId, Party actor, Instant at, int months) implements AgreementEvent {
        public String type() {
            return "agreement.extension-consented";
        }
    }

    record ExtensionConsentRevoked(UUID agreementId, Party actor, Instant at, int months) implements AgreementEvent {
        public String type() {
            return "agreement.extension-revoked";
        }
    }

    /** Both parties consented: {@code expiresAt} moved from {@code previousExpiresAt} by {@code months}. */
    record Extended(UUID agreementId, Party actor, Instant at, int months, Instant previousExpiresAt,
            Instant expiresAt) implements AgreementEvent {
        public String type() {
            return "agreement.extended";
        }
    }

    record PermanenceConsented(UUID agreementId, Party actor, Instant at) implements AgreementEvent {
        public String type() {
            return "agreement.permanence-consented";
        }
    }

    record PermanenceConsentRevoked(UUID agreementId, Party actor, Instant at) implements AgreementEvent {
        public String type() {
            return "agreement.permanence-revoked";
        }
    }

    /** PROVISIONAL → PERMANENT (the second consent). */
    record MadePermanent(UUID agreementId, Party actor, Instant at) implements AgreementEvent {
        public String type() {
            return "agreement.made-permanent";
        }
    }

    /** A party set (or cleared, {@code text == null}) its own reservation. */
    record ReservationRecorded(UUID agreementId, Party actor, Instant at, String text) implements AgreementEvent {
        public String type() {
            return "agreement.reservation-recorded";
        }
    }

    /**
     * One party stopped one element alone (issue 16) while the agreement stays in force: it closes at once in the
     * service that runs it; {@code running} are the elements that continue. Re-opening needs both parties (an
     * {@code ADD_ELEMENT} amendment).
     */
    record ElementStopped(UUID agreementId, Party actor, Instant at, Element element, String reason,
            Set<Element> running) implements AgreementEvent {
        public ElementStopped {
            running = Set.copyOf(running);
        }

        public String type() {
            return "agreement.element-stopped";
        }
    }

    /** An adopted ADD_ELEMENT amendment opened {@code element}; {@code actor} is the party whose endorsement adopted it. */
    record ElementAdded(UUID agreementId, Party actor, Instant at, UUID amendmentId, Element element,
            Set<Element> running) implements AgreementEvent {
        public ElementAdded {
            running = Set.copyOf(running);
        }

        public String type() {
            return "agreement.element-added";
        }
    }

    /** An adopted REMOVE_ELEMENT amendment closed {@code element}. */
    record ElementRemoved(UUID agreementId, Party actor, Instant at, UUID amendmentId, Element element,
            Set<Element> running) implements AgreementEvent {
        public ElementRemoved {
            running = Set.copyOf(running);
        }

        public String type() {
            return "agreement.element-removed";
        }
    }

    /** An adopted CHANGE_NOTICE_PERIOD amendment set the notice from {@code previousMonths} to {@code months}. */
    record NoticePeriodChanged(UUID agreementId, Party actor, Instant at, UUID amendmentId, int previousMonths,
            int months) implements AgreementEvent {
        public String type() {
            return "agreement.notice-period-changed";
        }
    }
}
