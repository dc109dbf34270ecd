package org.mdcoop.agreement.contract;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The status of one agreement as the agreement-service publishes it: the payload of {@code agreement.status}
 * messages (also the heartbeat) and the {@code agreementStatus} member of every {@code agreement.events} payload.
 *
 * <p>Followers keep, per agreement, the status with the highest {@link #revision} (the agreement row's version: it
 * grows with every change, whatever any clock says) and decide "in force" themselves from the terms with their own
 * clock ({@link InForceRule}). Read leniently: a follower ignores members it does not know, so the agreement-service
 * may add some.
 *
 * @param revision    monotonic per agreement; a status with a lower or equal revision than one already kept changes
 *                    nothing (an equal one is the heartbeat)
 * @param status      the lifecycle state, e.g. {@code PROVISIONAL}; unknown values are never in force
 * @param elements    the element names the agreement covers, e.g. {@code TRANSPARENCY}
 * @param inForce     the agreement-service's own evaluation when it published: for people and the audit, never the
 *                    basis of a follower's decision
 * @param effectiveAt when cooperation starts (set once accepted; may lie ahead: a deferred start)
 * @param expiresAt   first instant not covered while PROVISIONAL; null once PERMANENT
 * @param noticeEndsAt end of the withdrawal notice while WITHDRAWAL_PENDING
 * @param endedAt     when it stopped being in force (withdrawn, expired)
 * @param withdrawnBy the party that withdrew or gave notice ({@code NATO}, {@code RUSSIA}), if any
 * @param noticeMonths the notice a withdrawal from permanence gives (a term of the agreement; 0 allowed)
 * @param stoppedElements elements one party stopped alone (issue 16): no longer in {@code elements}, so every follower
 *                    closes them as a withdrawal closes everything; listed for people and the audit. Empty (or absent
 *                    in older messages) when none is stopped
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgreementStatusMessage(
        UUID agreementId,
        long revision,
        String status,
        Set<String> elements,
        boolean inForce,
        Instant effectiveAt,
        Instant expiresAt,
        Instant noticeEndsAt,
        Instant endedAt,
        String withdrawnBy,
        Integer noticeMonths,
        Set<String> stoppedElements) {

    /** Every element an agreement may cover (the agreement-service's {@code Element}, by name). */
    public static final List<String> ELEMENTS =
            List.of("TRANSPARENCY", "JOINT_EXERCISES", "DATA_FUSION_CENTRE", "COOPERATION_CENTRE");

    public AgreementStatusMessage {
        elements = elements == null ? Set.of() : Set.copyOf(elements);
        stoppedElements = stoppedElements == null ? Set.of() : Set.copyOf(stoppedElements);
    }

    /** A status with no element stopped (the message before issue 16). */
    public AgreementStatusMessage(UUID agreementId, long revision, String status, Set<String> elements,
            boolean inForce, Instant effectiveAt, Instant expiresAt, Instant noticeEndsAt, Instant endedAt,
            String withdrawnBy, Integer noticeMonths) {
        this(agreementId, revision, status, elements, inForce, effectiveAt, expiresAt, noticeEndsAt, endedAt,
                withdrawnBy, noticeMonths, Set.of());
    }

    /** What a follower must refuse to read: no agreement, no status or a negative revision. */
    public String problem() {
        if (agreementId == null) {
            return "lacks agreementId";
        }
        if (status == null || status.isBlank()) {
            return "lacks status";
        }
        if (revision < 0) {
            return "has a negative revision " + revision;
        }
        return null;
    }
}
