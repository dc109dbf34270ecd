package org.mdcoop.agreement.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "amendment")
public class AmendmentRow {

    @Id
    public UUID id;

    @Column(name = "agreement_id", nullable = false)
    public UUID agreementId;

    @Column(name = "proposed_by", nullable = false)
    public String proposedBy;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false, columnDefinition = "text")
    public String state;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
