package org.mdcoop.transparency.persistence;

import org.mdcoop.common.persistence.StateJson;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.mdcoop.common.domain.Party;
import org.mdcoop.transparency.domain.ReportingRound;
import org.mdcoop.transparency.domain.disclosure.ChangeNotice;
import org.mdcoop.transparency.domain.disclosure.Disclosure;
import org.mdcoop.transparency.domain.disclosure.DisclosureKind;
import org.mdcoop.transparency.domain.disclosure.DisclosureStatus;

/** Storage of one disclosure version: content and change notice as JSON, plus the columns queries need. */
@Entity
@Table(name = "disclosure")
public class DisclosureRow {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String party;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String round;

    /** The disclosure's version within its series (1, 2, ...); not the optimistic lock. */
    @Column(name = "series_version", nullable = false)
    public int seriesVersion;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false, columnDefinition = "text")
    public String content;

    @Column(name = "change_occurred_on")
    public LocalDate changeOccurredOn;

    @Column(name = "change_notice", columnDefinition = "text")
    public String changeNotice;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "superseded_at")
    public Instant supersededAt;

    /** Optimistic lock: of two concurrent commands on one version only the first to commit applies. */
    @Version
    public long version;

    public Disclosure toDomain() {
        DisclosureKind k = DisclosureKind.valueOf(kind);
        return Disclosure.restore(id, Party.valueOf(party), k, ReportingRound.parse(round), seriesVersion,
                DisclosureStatus.valueOf(status), StateJson.read(content, k.contentType()), changeOccurredOn,
                createdAt, updatedAt, submittedAt, supersededAt,
                changeNotice == null ? null : StateJson.read(changeNotice, ChangeNotice.class));
    }

    /** Copies the domain state into this row (the id and the lock are kept). */
    public DisclosureRow write(Disclosure d) {
        id = d.id();
        party = d.party().name();
        kind = d.kind().name();
        round = d.round().id();
        seriesVersion = d.version();
        status = d.status().name();
        content = StateJson.write(d.content());
        changeOccurredOn = d.changeOccurredOn();
        changeNotice = d.changeNotice() == null ? null : StateJson.write(d.changeNotice());
        createdAt = d.createdAt();
        updatedAt = d.updatedAt();
        submittedAt = d.submittedAt();
        supersededAt = d.supersededAt();
        return this;
    }
}
