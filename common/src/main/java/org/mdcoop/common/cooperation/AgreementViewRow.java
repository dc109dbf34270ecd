package org.mdcoop.common.cooperation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What this service knows of one agreement, as last published by the agreement-service. */
@Entity
@Table(name = "agreement_view")
public class AgreementViewRow {

    @Id
    @Column(name = "agreement_id")
    public UUID agreementId;

    @Column(nullable = false)
    public String status;

    /** Comma-separated element names, e.g. {@code TRANSPARENCY,DATA_FUSION_CENTRE}. */
    @Column(nullable = false)
    public String elements;

    @Column(name = "in_force", nullable = false)
    public boolean inForce;

    @Column(name = "effective_at")
    public Instant effectiveAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "notice_ends_at")
    public Instant noticeEndsAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "in_force_since")
    public Instant inForceSince;

    /** When the agreement-service computed this status; older messages never overwrite newer ones. */
    @Column(name = "as_of", nullable = false)
    public Instant asOf;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean covers(String element) {
        return inForce && java.util.Arrays.asList(elements.split(",")).contains(element);
    }
}
