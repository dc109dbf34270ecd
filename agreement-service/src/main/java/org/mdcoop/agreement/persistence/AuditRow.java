package org.mdcoop.agreement.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.mdcoop.agreement.audit.AuditEntry;
import org.mdcoop.common.domain.Party;

/** One stored entry of the audit chain; rows are only ever inserted. */
@Entity
@Table(name = "audit_entry")
public class AuditRow {

    @Id
    public long seq;

    @Column(nullable = false)
    public Instant at;

    public String party;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String action;

    @Column(name = "agreement_id")
    public UUID agreementId;

    @Column(name = "payload_digest", nullable = false)
    public String payloadDigest;

    @Column(name = "prev_hash", nullable = false)
    public String prevHash;

    @Column(nullable = false)
    public String hash;

    public static AuditRow of(AuditEntry entry) {
        AuditRow row = new AuditRow();
        row.seq = entry.seq();
        row.at = entry.at();
        row.party = entry.party() == null ? null : entry.party().name();
        row.subject = entry.subject();
        row.action = entry.action();
        row.agreementId = entry.agreementId();
        row.payloadDigest = entry.payloadDigest();
        row.prevHash = entry.prevHash();
        row.hash = entry.hash();
        return row;
    }

    public AuditEntry toEntry() {
        return new AuditEntry(seq, at, party == null ? null : Party.valueOf(party), subject, action, agreementId,
                payloadDigest, prevHash, hash);
    }
}
