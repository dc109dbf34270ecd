package org.mdcoop.agreement.contract;

import java.time.Instant;
import java.util.Set;

/**
 * The one rule by which every follower decides, with its own clock, whether an agreement is in force, and which of two
 * statuses of one agreement stands. Pure: no clock of its own, no framework.
 *
 * <ul>
 * <li>PROVISIONAL: {@code effectiveAt <= now < expiresAt}. A deferred start and the expiry need no message.</li>
 * <li>PERMANENT: {@code effectiveAt <= now}.</li>
 * <li>WITHDRAWAL_PENDING: {@code effectiveAt <= now < noticeEndsAt}.</li>
 * <li>Any other status (proposed, withdrawn, expired, rejected, retracted, or one this follower does not know), or a
 * term missing where one is needed: not in force. Fail closed.</li>
 * </ul>
 */
public final class InForceRule {

    /** States after which nothing can be in force again. */
    public static final Set<String> ENDED = Set.of("WITHDRAWN", "EXPIRED", "REJECTED", "RETRACTED");

    private InForceRule() {
    }

    public static boolean inForceAt(AgreementStatusMessage s, Instant now) {
        return inForceAt(s.status(), s.effectiveAt(), s.expiresAt(), s.noticeEndsAt(), now);
    }

    /** The same rule on stored terms (a follower's view row). */
    public static boolean inForceAt(String status, Instant effectiveAt, Instant expiresAt, Instant noticeEndsAt,
            Instant now) {
        if (status == null || effectiveAt == null || now.isBefore(effectiveAt)) {
            return false;
        }
        return switch (status) {
            case "PROVISIONAL" -> expiresAt != null && now.isBefore(expiresAt);
            case "PERMANENT" -> true;
            case "WITHDRAWAL_PENDING" -> noticeEndsAt != null && now.isBefore(noticeEndsAt);
            default -> false;
        };
    }

    /** In force at {@code now} and covering {@code element}. */
    public static boolean covers(AgreementStatusMessage s, String element, Instant now) {
        return s.elements().contains(element) && inForceAt(s, now);
    }

    public static boolean ended(String status) {
        return status != null && ENDED.contains(status);
    }

    /**
     * Whether {@code incoming} replaces what a follower keeps (its revision and status; {@code keptStatus} null when
     * nothing is kept): only a higher revision does, and nothing replaces an ended agreement, so a status that was
     * delivered late, replayed or published by a replica with a wrong clock can never reopen it.
     */
    public static boolean supersedes(AgreementStatusMessage incoming, String keptStatus, long keptRevision) {
        if (keptStatus == null) {
            return true;
        }
        return !ended(keptStatus) && incoming.revision() > keptRevision;
    }
}
