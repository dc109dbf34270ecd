package org.mdcoop.agreement.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.mdcoop.agreement.domain.Agreement;
import org.mdcoop.agreement.domain.AgreementAction;
import org.mdcoop.agreement.domain.AgreementStatus;
import org.mdcoop.agreement.domain.Element;
import org.mdcoop.agreement.domain.ExtensionConsent;
import org.mdcoop.agreement.domain.PermanenceConsent;
import org.mdcoop.common.domain.Party;

/**
 * An agreement as the API shows it; {@code allowedActions} are those of the caller's party. {@code elements} are the
 * running ones; {@code stoppedElements} those one party stopped alone (issue 16).
 */
public record AgreementView(
        UUID id,
        AgreementStatus status,
        Party proposer,
        Set<Element> elements,
        int termMonths,
        int noticeMonths,
        Instant proposedEffectiveAt,
        Instant effectiveAt,
        Instant expiresAt,
        Instant permanentAt,
        boolean inForce,
        Map<Party, String> reservations,
        Map<Party, ExtensionConsent> extensionConsents,
        Map<Party, PermanenceConsent> permanenceConsents,
        Party withdrawnBy,
        String withdrawalReason,
        Instant noticeEndsAt,
        Instant endedAt,
        String closingReason,
        Instant createdAt,
        Instant submittedAt,
        Instant decidedAt,
        List<String> allowedActions,
        long version,
        Set<Element> stoppedElements) {

    static AgreementView of(Agreement a, Party viewer, Instant now, long version) {
        return new AgreementView(a.getId(), a.getStatus(), a.getProposer(), a.getElements(), a.getTermMonths(),
                a.getNoticeMonths(), a.getProposedEffectiveAt(), a.getEffectiveAt(), a.getExpiresAt(), a.getPermanentAt(),
                a.isInForceAt(now), a.getReservations(), a.getExtensionConsents(), a.getPermanenceConsents(),
                a.getWithdrawnBy(), a.getWithdrawalReason(), a.getNoticeEndsAt(), a.getEndedAt(), a.getClosingReason(),
                a.getCreatedAt(), a.getSubmittedAt(), a.getDecidedAt(),
                a.allowedActions(viewer).stream().map(AgreementAction::apiName).toList(), version,
                a.getStoppedElements());
    }
}
