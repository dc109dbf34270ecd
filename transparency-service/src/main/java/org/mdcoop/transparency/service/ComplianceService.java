package org.mdcoop.transparency.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.mdcoop.common.cooperation.AgreementViewRow;
import org.mdcoop.common.domain.Party;
import org.mdcoop.transparency.domain.compliance.ComplianceCalculator;
import org.mdcoop.transparency.domain.compliance.ComplianceRow;
import org.mdcoop.transparency.domain.compliance.ComplianceRow.ComplianceStatus;
import org.mdcoop.transparency.domain.compliance.DeadlinePolicy;
import org.mdcoop.transparency.domain.compliance.SubmissionRecord;
import org.mdcoop.transparency.domain.disclosure.DisclosureKind;
import org.mdcoop.transparency.persistence.DisclosureRow;

/**
 * The deadline clocks per party: initial disclosures, twice-yearly updates and changes, each ON_TIME, LATE, OVERDUE or
 * PENDING. Runs on the agreement covering TRANSPARENCY (in force, or the last one that was); only submissions count,
 * so drafts never show here.
 */
@ApplicationScoped
public class ComplianceService {

    public record ComplianceView(UUID agreementId, Instant activatedAt, Instant endedAt, boolean inForce,
            Instant asOf, DeadlinePolicy policy, List<PartyCompliance> parties) {
    }

    /** One party's obligations and a count per status. */
    public record PartyCompliance(Party party, int onTime, int late, int overdue, int pending, List<Row> rows) {
    }

    public record Row(String obligation, DisclosureKind kind, String round, Integer version, LocalDate dueDate,
            Instant dueBy, Instant submittedAt, ComplianceStatus status, long daysLate) {

        static Row of(ComplianceRow r) {
            return new Row(r.obligation().name(), r.kind(), r.round().id(), r.version(), r.dueDate(), r.dueBy(),
                    r.submittedAt(), r.status(), r.daysLate());
        }
    }

    private final EntityManager em;
    private final Clock clock;
    private final Transparency transparency;
    private final DeadlinePolicy policy;

    public ComplianceService(EntityManager em, Clock clock, Transparency transparency, TransparencyConfig config) {
        this.em = em;
        this.clock = clock;
        this.transparency = transparency;
        this.policy = config.deadlinePolicy();
    }

    @Transactional
    public ComplianceView compliance(Party only) {
        Instant now = clock.instant();
        AgreementViewRow agreement = transparency.current().orElse(null);
        List<Party> parties = only == null ? List.of(Party.values()) : List.of(only);
        if (agreement == null) {
            return new ComplianceView(null, null, null, false, now, policy,
                    parties.stream().map(p -> new PartyCompliance(p, 0, 0, 0, 0, List.of())).toList());
        }
        Instant activatedAt = agreement.effectiveAt != null ? agreement.effectiveAt : agreement.inForceSince;
        Instant endedAt = agreement.inForceAt(now) ? null
                : (agreement.endedAt != null ? agreement.endedAt : agreement.updatedAt);
        List<SubmissionRecord> submissions = em.createQuery(
                "from DisclosureRow where status <> 'DRAFT' and submittedAt is not null", DisclosureRow.class)
                .getResultStream()
                .map(row -> SubmissionRecord.of(row.toDomain()))
                .toList();
        ComplianceCalculator calculator = new ComplianceCalculator(policy);
        List<PartyCompliance> out = new ArrayList<>();
        for (Party p : parties) {
            List<ComplianceRow> rows = calculator.computeFor(p, activatedAt, endedAt, submissions, now);
            out.add(new PartyCompliance(p, count(rows, ComplianceStatus.ON_TIME), count(rows, ComplianceStatus.LATE),
                    count(rows, ComplianceStatus.OVERDUE), count(rows, ComplianceStatus.PENDING),
                    rows.stream().map(Row::of).toList()));
        }
        return new ComplianceView(agreement.agreementId, activatedAt, endedAt, agreement.inForceAt(now), now, policy, out);
    }

    private static int count(List<ComplianceRow> rows, ComplianceStatus status) {
        return (int) rows.stream().filter(r -> r.status() == status).count();
    }
}
