package org.mdcoop.agreement.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Storage of one agreement: the domain snapshot as JSON plus the columns queries need. */
@Entity
@Table(name = "agreement")
public class AgreementRow {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String proposer;

    @Column(nullable = false)
    public String status;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "notice_ends_at")
    public Instant noticeEndsAt;

    @Column(nullable = false, columnDefinition = "text")
    public String state;

    /** A deferred effective moment not yet announced ({@code agreement.in-force}), for the scheduler's query. */
    @Column(name = "in_force_due_at")
    public Instant inForceDueAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Optimistic lock: of two concurrent commands on one agreement only the first to commit applies. Also the
     * revision of the published status: it grows with every change of the row, whatever any clock says.
     */
    @Version
    public long version;
}
