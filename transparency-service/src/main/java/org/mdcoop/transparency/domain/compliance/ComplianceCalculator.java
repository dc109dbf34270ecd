package org.mdcoop.transparency.domain.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.mdcoop.common.domain.Party;
import org.mdcoop.transparency.domain.ReportingRound;
import org.mdcoop.transparency.domain.compliance.ComplianceRow.ComplianceStatus;
import org.mdcoop.transparency.domain.compliance.ComplianceRow.Obligation;
import org.mdcoop.transparency.domain.disclosure.DisclosureKind;

/**
 * Computes what each party owes and whether it delivered, per {@link DeadlinePolicy}.
 *
 * <p>Which obligations exist: INITIAL for every kind for the activation round; UPDATE for every kind for each later
 * round whose start is on or before {@code min(now, endedAt)} (so the current round's update shows as PENDING);
 * CHANGE for every submitted revision that carries {@code changeOccurredOn}. When the agreement has ended
 * ({@code endedAt} non-null), obligations whose due date falls after the end date are dropped — nothing more can be
 * submitted — while obligations already due stay as they were (OVERDUE stays OVERDUE on the record); an obligation
 * that was still PENDING at the end is dropped too. After the end, "now" is frozen at {@code endedAt} (days late
 * stop growing).
 *
 * <p>An obligation for (party, kind, round) is satisfied by that party's earliest submission of that kind and round,
 * any version. Rows are sorted by party, due date, kind.
 */
public final class ComplianceCalculator {

    private final DeadlinePolicy policy;

    public ComplianceCalculator(DeadlinePolicy policy) {
        this.policy = Objects.requireNonNull(policy);
    }

    public List<ComplianceRow> compute(Instant activatedAt, Instant endedAt, List<SubmissionRecord> submissions,
            Instant now) {
        List<ComplianceRow> rows = new ArrayList<>();
        for (Party p : Party.values()) {
            rows.addAll(computeFor(p, activatedAt, endedAt, submissions, now));
        }
        return rows;
    }

    public List<ComplianceRow> computeFor(Party party, Instant activatedAt, Instant endedAt,
            List<SubmissionRecord> submissions, Instant now) {
        if (activatedAt == null) {
            return List.of();
        }
        Instant horizon = endedAt != null && endedAt.isBefore(now) ? endedAt : now;
        LocalDate activationDate = LocalDate.ofInstant(activatedAt, ZoneOffset.UTC);
        LocalDate horizonDate = LocalDate.ofInstant(horizon, ZoneOffset.UTC);
        LocalDate endDate = endedAt == null ? null : LocalDate.ofInstant(endedAt, ZoneOffset.UTC);
        List<SubmissionRecord> own = submissions.stream().filter(s -> s.party() == party).toList();

        List<ComplianceRow> rows = new ArrayList<>();
        ReportingRound initialRound = ReportingRound.containing(activationDate);
        LocalDate initialDue = activationDate.plusDays(policy.initialDays());
        for (DisclosureKind kind : DisclosureKind.values()) {
            addRoundRow(rows, party, Obligation.INITIAL, kind, initialRound, initialDue, own, horizon, endDate);
        }
        for (ReportingRound r = initialRound.next(); !r.startDate().isAfter(horizonDate); r = r.next()) {
            LocalDate due = r.endDate().plusDays(policy.updateGraceDays());
            for (DisclosureKind kind : DisclosureKind.values()) {
                addRoundRow(rows, party, Obligation.UPDATE, kind, r, due, own, horizon, endDate);
            }
        }
        for (SubmissionRecord s : own) {
            if (s.version() > 1 && s.changeOccurredOn() != null && s.submittedAt() != null) {
                LocalDate due = s.changeOccurredOn().plusDays(policy.changeDays());
                rows.add(row(party, Obligation.CHANGE, s.kind(), s.round(), s.version(), due, s.submittedAt(),
                        horizon));
            }
        }
        rows.sort(Comparator.comparing(ComplianceRow::dueDate)
                .thenComparing(r -> r.obligation().ordinal())
                .thenComparing(r -> r.kind().ordinal())
                .thenComparing(r -> r.version() == null ? 0 : r.version()));
        return rows;
    }

    private void addRoundRow(List<ComplianceRow> rows, Party party, Obligation obligation, DisclosureKind kind,
            ReportingRound round, LocalDate due, List<SubmissionRecord> own, Instant now, LocalDate endDate) {
        Instant first = own.stream()
                .filter(s -> s.kind() == kind && s.round().equals(round) && s.submittedAt() != null)
                .map(SubmissionRecord::submittedAt)
                .min(Comparator.naturalOrder())
                .orElse(null);
        if (first == null && endDate != null && !due.isBefore(endDate)) {
            // the agreement ended before this obligation fell due: nothing is owed any more
            return;
        }
        rows.add(row(party, obligation, kind, round, null, due, first, now));
    }

    private static ComplianceRow row(Party party, Obligation obligation, DisclosureKind kind, ReportingRound round,
            Integer version, LocalDate due, Instant submittedAt, Instant now) {
        Instant dueBy = due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        ComplianceStatus status;
        long daysLate = 0;
        if (submittedAt != null) {
            status = submittedAt.isBefore(dueBy) ? ComplianceStatus.ON_TIME : ComplianceStatus.LATE;
            if (status == ComplianceStatus.LATE) {
                daysLate = ChronoUnit.DAYS.between(due, LocalDate.ofInstant(submittedAt, ZoneOffset.UTC));
            }
        } else if (now.isBefore(dueBy)) {
            status = ComplianceStatus.PENDING;
        } else {
            status = ComplianceStatus.OVERDUE;
            daysLate = ChronoUnit.DAYS.between(due, LocalDate.ofInstant(now, ZoneOffset.UTC));
        }
        return new ComplianceRow(party, obligation, kind, round, version, due, dueBy, submittedAt, status, daysLate);
    }
}
