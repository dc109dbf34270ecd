package org.mdcoop.transparency.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mdcoop.common.domain.Party.NATO;
import static org.mdcoop.common.domain.Party.RUSSIA;
import static org.mdcoop.transparency.domain.compliance.ComplianceRow.ComplianceStatus.LATE;
import static org.mdcoop.transparency.domain.compliance.ComplianceRow.ComplianceStatus.ON_TIME;
import static org.mdcoop.transparency.domain.compliance.ComplianceRow.ComplianceStatus.OVERDUE;
import static org.mdcoop.transparency.domain.compliance.ComplianceRow.ComplianceStatus.PENDING;
import static org.mdcoop.transparency.domain.disclosure.DisclosureKind.DEPLOYMENT_PLAN;
import static org.mdcoop.transparency.domain.disclosure.DisclosureKind.INTERCEPTOR_PERFORMANCE;
import static org.mdcoop.transparency.domain.disclosure.DisclosureKind.INVENTORY;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.transparency.domain.ReportingRound;
import org.mdcoop.transparency.domain.compliance.ComplianceRow.Obligation;

class ComplianceCalculatorTest {

    /** Activation 10 Jul 2026 → initial round 2026-H2, due 10 Jul + 45 days = 24 Aug 2026 (inclusive, UTC). */
    private static final Instant ACTIVATED = Instant.parse("2026-07-10T09:00:00Z");
    private static final ReportingRound H2_2026 = ReportingRound.parse("2026-H2");
    private static final ReportingRound H1_2027 = ReportingRound.parse("2027-H1");
    private static final LocalDate INITIAL_DUE = LocalDate.of(2026, 8, 24);

    private final ComplianceCalculator calc = new ComplianceCalculator(DeadlinePolicy.DEFAULT);

    private static Instant at(String s) {
        return Instant.parse(s);
    }

    @Test
    void initialDisclosuresAreDue45DaysAfterActivationForEveryKind() {
        List<ComplianceRow> rows = calc.computeFor(NATO, ACTIVATED, null, List.of(), at("2026-07-11T00:00:00Z"));
        assertThat(rows).extracting(ComplianceRow::obligation, ComplianceRow::kind, ComplianceRow::round,
                ComplianceRow::dueDate, ComplianceRow::status).containsExactly(
                        tuple(Obligation.INITIAL, INVENTORY, H2_2026, INITIAL_DUE, PENDING),
                        tuple(Obligation.INITIAL, INTERCEPTOR_PERFORMANCE, H2_2026, INITIAL_DUE, PENDING),
                        tuple(Obligation.INITIAL, DEPLOYMENT_PLAN, H2_2026, INITIAL_DUE, PENDING));
        assertThat(rows.get(0).dueBy()).isEqualTo(at("2026-08-25T00:00:00Z"));
    }

    @Test
    void submissionOnTheLastSecondOfTheDueDayIsOnTimeAndTheNextSecondIsLate() {
        List<SubmissionRecord> subs = List.of(
                SubmissionRecord.initial(NATO, INVENTORY, H2_2026, at("2026-08-24T23:59:59.999Z")),
                SubmissionRecord.initial(NATO, INTERCEPTOR_PERFORMANCE, H2_2026, at("2026-08-25T00:00:00Z")),
                SubmissionRecord.initial(NATO, DEPLOYMENT_PLAN, H2_2026, at("2026-08-28T10:00:00Z")));
        List<ComplianceRow> rows = calc.computeFor(NATO, ACTIVATED, null, subs, at("2026-09-01T00:00:00Z"));
        assertThat(rows).extracting(ComplianceRow::kind, ComplianceRow::status, ComplianceRow::daysLate)
                .containsExactly(tuple(INVENTORY, ON_TIME, 0L), tuple(INTERCEPTOR_PERFORMANCE, LATE, 1L),
                        tuple(DEPLOYMENT_PLAN, LATE, 4L));
    }

    @Test
    void missingDisclosureIsPendingThroughTheDueDayAndOverdueFromTheNextDay() {
        assertThat(calc.computeFor(NATO, ACTIVATED, null, List.of(), at("2026-08-24T23:59:59Z")))
                .extracting(ComplianceRow::status).containsOnly(PENDING);
        List<ComplianceRow> next = calc.computeFor(NATO, ACTIVATED, null, List.of(), at("2026-08-25T00:00:00Z"));
        assertThat(next).extracting(ComplianceRow::status).containsOnly(OVERDUE);
        assertThat(next).extracting(ComplianceRow::daysLate).containsOnly(1L);
        assertThat(calc.computeFor(NATO, ACTIVATED, null, List.of(), at("2026-09-03T08:00:00Z")))
                .extracting(ComplianceRow::daysLate).containsOnly(10L);
    }

    @Test
    void updatesAreDueAtTheEndOfEachLaterHalfYearAndTheCurrentOneIsPending() {
        List<SubmissionRecord> subs = List.of(
                SubmissionRecord.initial(NATO, INVENTORY, H2_2026, at("2026-08-01T00:00:00Z")),
                SubmissionRecord.initial(NATO, INVENTORY, H1_2027, at("2027-06-15T00:00:00Z")));
        List<ComplianceRow> rows = calc.computeFor(NATO, ACTIVATED, null, subs, at("2027-07-02T00:00:00Z"));
        assertThat(rows).filteredOn(r -> r.obligation() == Obligation.UPDATE)
                .extracting(ComplianceRow::kind, ComplianceRow::round, ComplianceRow::dueDate,
                        ComplianceRow::status)
                .containsExactly(
                        tuple(INVENTORY, H1_2027, LocalDate.of(2027, 6, 30), ON_TIME),
                        tuple(INTERCEPTOR_PERFORMANCE, H1_2027, LocalDate.of(2027, 6, 30), OVERDUE),
                        tuple(DEPLOYMENT_PLAN, H1_2027, LocalDate.of(2027, 6, 30), OVERDUE),
                        tuple(INVENTORY, ReportingRound.parse("2027-H2"), LocalDate.of(2027, 12, 31), PENDING),
                        tuple(INTERCEPTOR_PERFORMANCE, ReportingRound.parse("2027-H2"), LocalDate.of(2027, 12, 31),
                                PENDING),
                        tuple(DEPLOYMENT_PLAN, ReportingRound.parse("2027-H2"), LocalDate.of(2027, 12, 31),
                                PENDING));
    }

    @Test
    void updateGraceDaysMoveTheHalfYearDeadline() {
        ComplianceCalculator graceful = new ComplianceCalculator(new DeadlinePolicy(45, 5, 30));
        List<ComplianceRow> rows = graceful.computeFor(NATO, ACTIVATED, null, List.of(), at("2027-01-01T00:00:00Z"));
        assertThat(rows).filteredOn(r -> r.obligation() == Obligation.UPDATE).extracting(ComplianceRow::dueDate)
                .containsOnly(LocalDate.of(2027, 7, 30));
    }

    @Test
    void changesAreDueFiveDaysAfterTheyOccurred() {
        List<SubmissionRecord> subs = List.of(
                SubmissionRecord.initial(NATO, INVENTORY, H2_2026, at("2026-08-01T00:00:00Z")),
                new SubmissionRecord(NATO, INVENTORY, H2_2026, 2, at("2026-09-06T23:00:00Z"),
                        LocalDate.of(2026, 9, 1)),
                new SubmissionRecord(NATO, INVENTORY, H2_2026, 3, at("2026-10-07T00:00:01Z"),
                        LocalDate.of(2026, 10, 1)));
        List<ComplianceRow> rows = calc.computeFor(NATO, ACTIVATED, null, subs, at("2026-10-10T00:00:00Z"));
        assertThat(rows).filteredOn(r -> r.obligation() == Obligation.CHANGE)
                .extracting(ComplianceRow::version, ComplianceRow::dueDate, ComplianceRow::status,
                        ComplianceRow::daysLate)
                .containsExactly(tuple(2, LocalDate.of(2026, 9, 6), ON_TIME, 0L),
                        tuple(3, LocalDate.of(2026, 10, 6), LATE, 1L));
    }

    @Test
    void theEarliestSubmissionOfAKindAndRoundSatisfiesTheObligation() {
        List<SubmissionRecord> subs = List.of(
                new SubmissionRecord(NATO, INVENTORY, H2_2026, 2, at("2026-09-10T00:00:00Z"),
                        LocalDate.of(2026, 9, 8)),
                SubmissionRecord.initial(NATO, INVENTORY, H2_2026, at("2026-08-20T00:00:00Z")));
        ComplianceRow initial = calc.computeFor(NATO, ACTIVATED, null, subs, at("2026-09-10T00:00:00Z")).stream()
                .filter(r -> r.obligation() == Obligation.INITIAL && r.kind() == INVENTORY).findFirst().orElseThrow();
        assertThat(initial.status()).isEqualTo(ON_TIME);
        assertThat(initial.submittedAt()).isEqualTo(at("2026-08-20T00:00:00Z"));
    }

    @Test
    void onePartysSubmissionsDoNotCountForTheOther() {
        List<SubmissionRecord> subs = List.of(
                SubmissionRecord.initial(RUSSIA, INVENTORY, H2_2026, at("2026-08-01T00:00:00Z")));
        List<ComplianceRow> all = calc.compute(ACTIVATED, null, subs, at("2026-09-01T00:00:00Z"));
        assertThat(all).filteredOn(r -> r.kind() == INVENTORY).extracting(ComplianceRow::party,
                ComplianceRow::status).containsExactly(tuple(NATO, OVERDUE), tuple(RUSSIA, ON_TIME));
        assertThat(all).hasSize(6);
    }

    @Test
    void afterTheAgreementEndsObligationsNotYetDueDisappearAndOverdueDaysStopGrowing() {
        List<SubmissionRecord> subs = List.of(
                SubmissionRecord.initial(NATO, INVENTORY, H2_2026, at("2026-08-01T00:00:00Z")));
        // ended before the initial deadline: only what was actually submitted remains
        List<ComplianceRow> early = calc.computeFor(NATO, ACTIVATED, at("2026-08-10T00:00:00Z"), subs,
                at("2027-03-01T00:00:00Z"));
        assertThat(early).extracting(ComplianceRow::kind, ComplianceRow::status)
                .containsExactly(tuple(INVENTORY, ON_TIME));
        // ended after it: the missing ones stay overdue as of the end, no update rounds accrue afterwards
        List<ComplianceRow> late = calc.computeFor(NATO, ACTIVATED, at("2026-09-01T12:00:00Z"), subs,
                at("2027-03-01T00:00:00Z"));
        assertThat(late).extracting(ComplianceRow::kind, ComplianceRow::status, ComplianceRow::daysLate)
                .containsExactly(tuple(INVENTORY, ON_TIME, 0L), tuple(INTERCEPTOR_PERFORMANCE, OVERDUE, 8L),
                        tuple(DEPLOYMENT_PLAN, OVERDUE, 8L));
    }

    @Test
    void submissionRecordComesFromASubmittedDisclosureOnly() {
        var d = org.mdcoop.transparency.domain.disclosure.Disclosure.firstDraft(java.util.UUID.randomUUID(), NATO,
                H2_2026, org.mdcoop.transparency.domain.Fixtures.inventory(), at("2026-08-01T00:00:00Z"));
        assertThatThrownBy(() -> SubmissionRecord.of(d)).isInstanceOf(IllegalArgumentException.class);
        d.submit(at("2026-08-02T00:00:00Z"), null, true);
        assertThat(SubmissionRecord.of(d))
                .isEqualTo(SubmissionRecord.initial(NATO, INVENTORY, H2_2026, at("2026-08-02T00:00:00Z")));
    }

    @Test
    void noActivationMeansNothingIsDue() {
        assertThat(calc.compute(null, null, List.of(), at("2026-09-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void activationLateInTheYearPutsTheInitialDeadlineIntoTheNextYear() {
        List<ComplianceRow> rows = calc.computeFor(NATO, at("2026-12-20T00:00:00Z"), null, List.of(),
                at("2027-01-15T00:00:00Z"));
        assertThat(rows).extracting(ComplianceRow::obligation, ComplianceRow::round, ComplianceRow::dueDate)
                .contains(tuple(Obligation.INITIAL, H2_2026, LocalDate.of(2027, 2, 3)),
                        tuple(Obligation.UPDATE, H1_2027, LocalDate.of(2027, 6, 30)));
    }

    @Test
    void policyRejectsNonsense() {
        assertThatThrownBy(() -> new DeadlinePolicy(0, 0, -1)).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.errors()).extracting(ValidationFailed.FieldError::field)
                        .containsExactly("initialDays", "changeDays", "updateGraceDays"));
    }
}
