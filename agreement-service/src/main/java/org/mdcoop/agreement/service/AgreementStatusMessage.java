package org.mdcoop.agreement.service;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.mdcoop.agreement.domain.AgreementStatus;
import org.mdcoop.agreement.domain.Element;

/**
 * The current status of one agreement, published to the compacted {@code agreement.status} topic (keyed by agreement
 * id) after every change, so a service that starts late learns whether cooperation is in force without replaying
 * history. Also the {@code agreementStatus} member of every {@code agreement.events} payload.
 */
public record AgreementStatusMessage(
        UUID agreementId,
        AgreementStatus status,
        Set<Element> elements,
        boolean inForce,
        Instant effectiveAt,
        Instant expiresAt,
        Instant noticeEndsAt,
        Instant endedAt,
        Instant asOf) {
}
