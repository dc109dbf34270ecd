package org.mdcoop.common.cooperation;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The agreement status as the agreement-service publishes it: the payload of {@code agreement.status} messages and
 * the {@code agreementStatus} member of every {@code agreement.events} payload. Read leniently: unknown members are
 * ignored so the agreement-service can add some.
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record AgreementStatusUpdate(
        UUID agreementId,
        String status,
        Set<String> elements,
        boolean inForce,
        Instant effectiveAt,
        Instant expiresAt,
        Instant noticeEndsAt,
        Instant endedAt,
        Instant asOf) {
}
