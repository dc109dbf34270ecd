package org.mdcoop.transparency.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.mdcoop.common.domain.RuleViolation;

/**
 * Local view of whether an agreement covering TRANSPARENCY is in force, fed by {@code agreement.events}.
 *
 * <p>Rules: an agreement is <em>active</em> from {@code activated} until {@code withdrawn} or {@code expired}
 * ({@code extended}, {@code made-permanent} and {@code withdrawal-noticed} keep it active — a notice only starts the
 * notice period). Transparency is in force while the agreement is active and its elements contain
 * {@code TRANSPARENCY}. The elements are taken from any lifecycle event that carries them (and from
 * {@code amendment-adopted} if it carries them); an event without elements keeps the known ones. An end is final for
 * that agreement id: later (re-delivered or out-of-order) lifecycle events for the same id are ignored. A different
 * agreement id activating after the end starts a new period. Idempotency (duplicate event ids) is the caller's job;
 * applying the same event twice is nevertheless harmless.
 *
 * <p>{@code since} is when transparency last came into force; {@code endedAt} when it last stopped (null while in
 * force). {@code activatedAt} is the activation time of the current/last agreement (deadline clocks run from it).
 */
public final class TransparencyInForce {

    public static final String TRANSPARENCY = "TRANSPARENCY";

    /** Agreement lifecycle event types, as published on {@code agreement.events}. */
    public enum AgreementEvent {
        PROPOSED,
        ACTIVATED,
        EXTENDED,
        MADE_PERMANENT,
        WITHDRAWAL_NOTICED,
        WITHDRAWN,
        EXPIRED,
        AMENDMENT_ADOPTED;

        /**
         * Accepts {@code activated}, {@code ACTIVATED}, {@code agreement.activated}, {@code made-permanent},
         * {@code MadePermanent}-style variants of the wire type.
         */
        public static AgreementEvent fromWire(String type) {
            String t = type.trim();
            int dot = t.lastIndexOf('.');
            if (dot >= 0) {
                t = t.substring(dot + 1);
            }
            t = t.replaceAll("([a-z])([A-Z])", "$1_$2").replace('-', '_').toUpperCase(Locale.ROOT);
            return valueOf(t);
        }
    }

    private UUID agreementId;
    private boolean agreementActive;
    private boolean agreementEnded;
    private Set<String> elements = Set.of();
    private Instant activatedAt;
    private Instant since;
    private Instant endedAt;

    public TransparencyInForce() {
    }

    /** Rebuilds the view from stored columns. */
    public static TransparencyInForce restore(UUID agreementId, boolean agreementActive, boolean agreementEnded,
            Collection<String> elements, Instant activatedAt, Instant since, Instant endedAt) {
        TransparencyInForce v = new TransparencyInForce();
        v.agreementId = agreementId;
        v.agreementActive = agreementActive;
        v.agreementEnded = agreementEnded;
        v.elements = elements == null ? Set.of() : Set.copyOf(elements);
        v.activatedAt = activatedAt;
        v.since = since;
        v.endedAt = endedAt;
        return v;
    }

    /**
     * Rebuilds the view from the status the agreement-service publishes (for a late start / empty database).
     * {@code PROVISIONAL}, {@code PERMANENT} and {@code WITHDRAWAL_PENDING} are in force; {@code WITHDRAWN} and
     * {@code EXPIRED} have ended (at {@code endedAt}); anything else (DRAFT, PROPOSED, ...) is not active.
     */
    public static TransparencyInForce fromAgreementStatus(UUID agreementId, String status,
            Collection<String> elements, Instant activatedAt, Instant endedAt) {
        TransparencyInForce v = new TransparencyInForce();
        v.agreementId = agreementId;
        v.elements = elements == null ? Set.of() : Set.copyOf(elements);
        v.activatedAt = activatedAt;
        switch (status.toUpperCase(Locale.ROOT)) {
            case "PROVISIONAL", "PERMANENT", "WITHDRAWAL_PENDING" -> v.agreementActive = true;
            case "WITHDRAWN", "EXPIRED" -> {
                v.agreementEnded = true;
                v.endedAt = v.elements.contains(TRANSPARENCY) ? endedAt : null;
            }
            default -> {
            }
        }
        if (v.elements.contains(TRANSPARENCY) && activatedAt != null) {
            v.since = activatedAt;
        }
        return v;
    }

    /**
     * Applies one agreement event.
     *
     * @param eventElements the agreement's elements if the event carries them, else null
     * @return true if the in-force answer changed
     */
    public boolean apply(AgreementEvent event, UUID eventAgreementId, Collection<String> eventElements,
            Instant occurredAt) {
        boolean before = inForce();
        boolean sameAgreement = eventAgreementId != null && eventAgreementId.equals(agreementId);
        switch (event) {
            case PROPOSED -> {
                // nothing is in force yet
            }
            case ACTIVATED -> {
                if (sameAgreement && agreementEnded) {
                    break; // an ended agreement never comes back
                }
                if (!sameAgreement && agreementActive) {
                    break; // only one agreement in force at a time; ignore a stray activation
                }
                if (!sameAgreement) {
                    agreementId = eventAgreementId;
                    agreementEnded = false;
                    this.elements = Set.of();
                }
                agreementActive = true;
                if (activatedAt == null || !sameAgreement) {
                    activatedAt = occurredAt;
                }
                updateElements(eventElements);
            }
            case EXTENDED, MADE_PERMANENT, WITHDRAWAL_NOTICED, AMENDMENT_ADOPTED -> {
                if (sameAgreement && agreementActive) {
                    updateElements(eventElements);
                }
            }
            case WITHDRAWN, EXPIRED -> {
                if (sameAgreement && agreementActive) {
                    agreementActive = false;
                    agreementEnded = true;
                }
            }
        }
        boolean after = inForce();
        if (!before && after) {
            since = occurredAt;
            endedAt = null;
        } else if (before && !after) {
            endedAt = occurredAt;
        }
        return before != after;
    }

    /** Convenience: {@link #apply(AgreementEvent, UUID, Collection, Instant)} with a wire type string. */
    public boolean apply(String wireType, UUID eventAgreementId, Collection<String> elements, Instant occurredAt) {
        return apply(AgreementEvent.fromWire(wireType), eventAgreementId, elements, occurredAt);
    }

    private void updateElements(Collection<String> newElements) {
        if (newElements != null) {
            elements = Set.copyOf(newElements);
        }
    }

    public boolean inForce() {
        return agreementActive && elements.contains(TRANSPARENCY);
    }

    /** @throws RuleViolation {@code transparency-not-in-force} (409) naming the refused action */
    public void requireInForce(String action) {
        if (!inForce()) {
            throw new RuleViolation("transparency-not-in-force", "Cannot " + action
                    + ": no agreement covering TRANSPARENCY is in force"
                    + (endedAt != null ? " (ended " + endedAt + ")" : ""));
        }
    }

    public UUID agreementId() {
        return agreementId;
    }

    public boolean agreementActive() {
        return agreementActive;
    }

    public boolean agreementEnded() {
        return agreementEnded;
    }

    public Set<String> elements() {
        return elements;
    }

    public Instant activatedAt() {
        return activatedAt;
    }

    public Instant since() {
        return since;
    }

    public Instant endedAt() {
        return endedAt;
    }
}
