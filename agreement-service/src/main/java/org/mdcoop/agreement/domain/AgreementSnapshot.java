package org.mdcoop.agreement.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.mdcoop.common.domain.Party;

/**
 * The full persistent state of an {@link Agreement}, for mapping to and from storage:
 * {@code Agreement.rehydrate(snapshot)} and {@code agreement.snapshot()}. Maps are keyed by party and hold only the
 * parties that have a value (a missing key means "none"). See {@link Agreement} for the meaning of each field.
 */
public record AgreementSnapshot(
        UUID id,
        Party proposer,
        AgreementStatus status,
        Set<Element> elements,
        int termMonths,
        Instant proposedEffectiveAt,
        Map<Party, String> reservations,
        Instant createdAt,
        Instant submittedAt,
        Instant decidedAt,
        String closingReason,
        Instant effectiveAt,
        Instant expiresAt,
        Instant permanentAt,
        Map<Party, ExtensionConsent> extensionConsents,
        Map<Party, PermanenceConsent> permanenceConsents,
        String withdrawalReason,
        Party withdrawnBy,
        Instant withdrawalDeclaredAt,
        Instant noticeEndsAt,
        Instant endedAt,
        Instant cameIntoForceAt,
        Integer noticeMonths,
        long version,
        Set<Element> stoppedElements) {

    public AgreementSnapshot {
        elements = Set.copyOf(elements);
        // stored before an element could be stopped: none is
        stoppedElements = stoppedElements == null ? Set.of() : Set.copyOf(stoppedElements);
        reservations = Map.copyOf(reservations);
        extensionConsents = Map.copyOf(extensionConsents);
        permanenceConsents = Map.copyOf(permanenceConsents);
    }
}
