package org.mdcoop.common.cooperation;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.mdcoop.agreement.contract.InForceRule;

/** What this service knows of one agreement: the terms of the highest revision published by the agreement-service. */
@Entity
@Table(name = "agreement_view")
public class AgreementViewRow {

    @Id
    @Column(name = "agreement_id")
    public UUID agreementId;

    /** The agreement-service's revision of the status kept here; only a higher one replaces it. */
    @Column(nullable = false)
    public long revision;

    @Column(nullable = false)
    public String status;

    /** Comma-separated element names, e.g. {@code TRANSPARENCY,DATA_FUSION_CENTRE}. */
    @Column(nullable = false)
    public String elements;

    /** This service's own evaluation of the terms, as of the last re-evaluation (at most a second old). */
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

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "in_force_since")
    public Instant inForceSince;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<String> elementList() {
        return elements.isEmpty() ? List.of() : Arrays.asList(elements.split(","));
    }

    /** In force at {@code now} by the terms (the contract's rule, this service's clock). */
    public boolean inForceAt(Instant now) {
        return InForceRule.inForceAt(status, effectiveAt, expiresAt, noticeEndsAt, now);
    }

    public boolean coversAt(String element, Instant now) {
        return elementList().contains(element) && inForceAt(now);
    }
}
