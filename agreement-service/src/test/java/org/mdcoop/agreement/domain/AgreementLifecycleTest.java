package org.mdcoop.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mdcoop.agreement.domain.Fixtures.LATER;
import static org.mdcoop.agreement.domain.Fixtures.T0;
import static org.mdcoop.agreement.domain.Fixtures.T0_EXPIRY;
import static org.mdcoop.common.domain.Party.NATO;
import static org.mdcoop.common.domain.Party.RUSSIA;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mdcoop.common.domain.IllegalTransition;
import org.mdcoop.common.domain.RuleViolation;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.common.domain.ValidationFailed.FieldError;

class AgreementLifecycleTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    // ------------------------------------------------------------ drafting

    @Test
    void newDraftHasDefaultTermOf48MonthsAndNoEffectiveDate() {
        UUID id = UUID.randomUUID();
        Agreement.Drafted d = Agreement.createDraft(id, NATO, T0, DraftTerms.of(Set.of(Element.TRANSPARENCY)));
        Agreement a = d.agreement();
        assertThat(a.getId()).isEqualTo(id);
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.DRAFT);
        assertThat(a.getProposer()).isEqualTo(NATO);
        assertThat(a.getTermMonths()).isEqualTo(48);
        assertThat(a.getProposedEffectiveAt()).isNull();
        assertThat(a.getCreatedAt()).isEqualTo(T0);
        assertThat(d.event()).isEqualTo(new AgreementEvent.DraftCreated(id, NATO, T0, Set.of(Element.TRANSPARENCY),
                48, null));
        assertThat(d.event().type()).isEqualTo("agreement.draft-created");
    }

    @Test
    void draftValidationNamesEveryOffendingField() {
        DraftTerms bad = new DraftTerms(Set.of(), 0, T0.minusSeconds(1), "x".repeat(4001));
        assertThatThrownBy(() -> Agreement.createDraft(UUID.randomUUID(), NATO, T0, bad))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("elements", "termMonths", "effectiveAt", "reservation"));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 121, 1000})
    void termOutside1To120MonthsIsRefused(int months) {
        assertThatThrownBy(() -> Fixtures.draft(Fixtures.allElements().withTermMonths(months)))
                .isInstanceOfSatisfying(ValidationFailed.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("termMonths"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 48, 120})
    void termBoundsAreAccepted(int months) {
        assertThat(Fixtures.draft(Fixtures.allElements().withTermMonths(months)).getTermMonths()).isEqualTo(months);
    }

    @Test
    void effectiveDateMustBeInTheFutureWhenWritten() {
        assertThatThrownBy(() -> Fixtures.draft(Fixtures.allElements().withEffectiveAt(T0)))
                .isInstanceOfSatisfying(ValidationFailed.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("effectiveAt"));
    }

    @Test
    void editDraftReplacesTheTermsAndRefusesInvalidOnesWithoutChangingAnything() {
        Agreement a = Fixtures.draft();
        List<AgreementEvent> events = a.editDraft(NATO, LATER,
                DraftTerms.of(EnumSet.of(Element.JOINT_EXERCISES)).withTermMonths(12).withReservation("ours"));
        assertThat(events).singleElement().isInstanceOf(AgreementEvent.DraftEdited.class);
        assertThat(a.getElements()).containsExactly(Element.JOINT_EXERCISES);
        assertThat(a.getTermMonths()).isEqualTo(12);
        assertThat(a.reservation(NATO)).contains("ours");

        AgreementSnapshot before = a.snapshot();
        assertThatThrownBy(() -> a.editDraft(NATO, LATER, DraftTerms.of(Set.of()))).isInstanceOf(ValidationFailed.class);
        assertThat(a.snapshot()).isEqualTo(before);
    }

    @Test
    void otherPartyCannotEditOrSubmitADraft() {
        Agreement a = Fixtures.draft();
        assertThatThrownBy(() -> a.submit(RUSSIA, LATER))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> {
                    assertThat(e.currentState()).isEqualTo("DRAFT");
                    assertThat(e.allowedActions()).isEmpty();
                    assertThat(e.getMessage()).contains("RUSSIA").contains("the other party").contains("none");
                });
    }

    // ------------------------------------------------------------ proposal

    @Test
    void submitProposesTheDraft() {
        Agreement a = Fixtures.draft();
        assertThat(a.submit(NATO, LATER)).singleElement()
                .isInstanceOfSatisfying(AgreementEvent.Proposed.class, e -> {
                    assertThat(e.type()).isEqualTo("agreement.proposed");
                    assertThat(e.termMonths()).isEqualTo(48);
                });
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.PROPOSED);
        assertThat(a.getSubmittedAt()).isEqualTo(LATER);
    }

    @Test
    void aPartyCannotAcceptItsOwnProposal() {
        Agreement a = Fixtures.proposed();
        assertThatThrownBy(() -> a.accept(NATO, LATER))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> {
                    assertThat(e.currentState()).isEqualTo("PROPOSED");
                    assertThat(e.action()).isEqualTo("accept");
                    assertThat(e.allowedActions()).containsExactly("retract", "record-reservation");
                    assertThat(e.getMessage()).contains("NATO (the proposer)").contains("PROPOSED").contains("retract");
                });
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.PROPOSED);
    }

    @Test
    void acceptanceWithoutEffectiveDateTakesEffectAtAcceptanceForTheTermInCalendarMonths() {
        Agreement a = Fixtures.proposed();
        List<AgreementEvent> events = a.accept(RUSSIA, LATER);
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.PROVISIONAL);
        assertThat(a.getEffectiveAt()).isEqualTo(LATER);
        assertThat(a.getExpiresAt()).isEqualTo(Instant.parse("2030-02-14T09:00:00Z"));
        assertThat(a.getDecidedAt()).isEqualTo(LATER);
        assertThat(events).singleElement().isEqualTo(new AgreementEvent.Activated(a.getId(), RUSSIA, LATER, NATO,
                EnumSet.allOf(Element.class), 48, LATER, a.getExpiresAt()));
        assertThat(a.isInForceAt(LATER)).isTrue();
    }

    @Test
    void acceptanceBeforeTheProposedEffectiveDateTakesEffectAtThatDate() {
        Instant effective = Instant.parse("2026-06-01T00:00:00Z");
        Agreement a = Fixtures.draft(Fixtures.allElements().withEffectiveAt(effective).withTermMonths(12));
        a.submit(NATO, T0);
        a.accept(RUSSIA, LATER);
        assertThat(a.getEffectiveAt()).isEqualTo(effective);
        assertThat(a.getExpiresAt()).isEqualTo(Instant.parse("2027-06-01T00:00:00Z"));
        assertThat(a.isInForceAt(effective.minusSeconds(1))).isFalse();
        assertThat(a.isInForceAt(effective)).isTrue();
        assertThat(a.covers(Element.TRANSPARENCY, effective)).isTrue();
    }

    @Test
    void acceptanceAfterTheProposedEffectiveDateTakesEffectAtAcceptance() {
        Instant effective = T0.plus(Duration.ofDays(1));
        Agreement a = Fixtures.draft(Fixtures.allElements().withEffectiveAt(effective));
        a.submit(NATO, T0);
        a.accept(RUSSIA, LATER);
        assertThat(a.getEffectiveAt()).isEqualTo(LATER);
    }

    @Test
    void calendarMonthsClampToTheEndOfShorterMonthsInUtc() {
        Agreement a = Agreement.createDraft(UUID.randomUUID(), NATO, Instant.parse("2026-01-01T00:00:00Z"),
                Fixtures.allElements().withTermMonths(1)).agreement();
        a.submit(NATO, Instant.parse("2026-01-01T00:00:00Z"));
        a.accept(RUSSIA, Instant.parse("2026-01-31T23:30:00Z"));
        assertThat(a.getExpiresAt()).isEqualTo(Instant.parse("2026-02-28T23:30:00Z"));
    }

    @Test
    void rejectionAndRetractionCloseTheProposalWithAnOptionalReason() {
        Agreement rejected = Fixtures.proposed();
        assertThat(rejected.reject(RUSSIA, LATER, "not now")).singleElement()
                .isEqualTo(new AgreementEvent.Rejected(rejected.getId(), RUSSIA, LATER, "not now"));
        assertThat(rejected.getStatus()).isEqualTo(AgreementStatus.REJECTED);
        assertThat(rejected.getClosingReason()).isEqualTo("not now");

        Agreement retracted = Fixtures.proposed();
        assertThat(retracted.retract(NATO, LATER, "  ")).singleElement()
                .isEqualTo(new AgreementEvent.Retracted(retracted.getId(), NATO, LATER, null));
        assertThat(retracted.getStatus()).isEqualTo(AgreementStatus.RETRACTED);
    }

    // ------------------------------------------------------------ withdrawal

    @ParameterizedTest
    @EnumSource(names = {"NATO", "RUSSIA"}, value = org.mdcoop.common.domain.Party.class)
    void eitherPartyWithdrawsFromAProvisionalAgreementImmediately(org.mdcoop.common.domain.Party party) {
        Agreement a = Fixtures.provisional();
        a.consentToExtension(NATO, T0, 12);
        List<AgreementEvent> events = a.withdraw(party, LATER, "security concerns", Period.ofMonths(6));
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.WITHDRAWN);
        assertThat(a.getWithdrawnBy()).isEqualTo(party);
        assertThat(a.getWithdrawalReason()).isEqualTo("security concerns");
        assertThat(a.getEndedAt()).isEqualTo(LATER);
        assertThat(a.getNoticeEndsAt()).isNull();
        assertThat(a.getExtensionConsents()).isEmpty();
        assertThat(a.isInForceAt(LATER)).isFalse();
        assertThat(events).singleElement().isEqualTo(new AgreementEvent.Withdrawn(a.getId(), party, LATER, party,
                "security concerns", AgreementStatus.PROVISIONAL, LATER));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\t"})
    void withdrawalWithoutAReasonIsRefused(String reason) {
        Agreement a = Fixtures.provisional();
        AgreementSnapshot before = a.snapshot();
        assertThatThrownBy(() -> a.withdraw(RUSSIA, LATER, reason, Period.ofMonths(6)))
                .isInstanceOfSatisfying(ValidationFailed.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("reason"));
        assertThat(a.snapshot()).isEqualTo(before);
    }

    @Test
    void withdrawalReasonLongerThan4000CharactersIsRefused() {
        assertThatThrownBy(() -> Fixtures.provisional().withdraw(RUSSIA, LATER, "x".repeat(4001), Period.ofMonths(6)))
                .isInstanceOf(ValidationFailed.class);
    }

    @Test
    void withdrawalFromAPermanentAgreementIsANoticeThatEndsAfterTheNoticePeriod() {
        Agreement a = Fixtures.permanent();
        List<AgreementEvent> events = a.withdraw(RUSSIA, LATER, "changed policy", Agreement.DEFAULT_NOTICE_PERIOD);
        Instant noticeEnd = Instant.parse("2026-08-14T09:00:00Z");
        assertThat(events).singleElement().isEqualTo(
                new AgreementEvent.WithdrawalNoticed(a.getId(), RUSSIA, LATER, "changed policy", noticeEnd));
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.WITHDRAWAL_PENDING);
        assertThat(a.getNoticeEndsAt()).isEqualTo(noticeEnd);
        assertThat(a.getWithdrawalDeclaredAt()).isEqualTo(LATER);
        assertThat(a.getEndedAt()).isNull();

        assertThat(a.isInForceAt(noticeEnd.minus(ONE_SECOND))).isTrue();
        assertThat(a.completeWithdrawalIfDue(noticeEnd.minus(ONE_SECOND))).isEmpty();
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.WITHDRAWAL_PENDING);

        assertThat(a.isInForceAt(noticeEnd)).isFalse();
        assertThat(a.completeWithdrawalIfDue(noticeEnd)).contains(new AgreementEvent.Withdrawn(a.getId(), null,
                noticeEnd, RUSSIA, "changed policy", AgreementStatus.WITHDRAWAL_PENDING, noticeEnd));
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.WITHDRAWN);
        assertThat(a.getEndedAt()).isEqualTo(noticeEnd);
        assertThat(a.completeWithdrawalIfDue(noticeEnd.plus(ONE_SECOND))).isEmpty();
    }

    @Test
    void endOfNoticeDetectedLateStillEndsAtTheNoticeEnd() {
        Agreement a = Fixtures.permanent();
        a.withdraw(NATO, LATER, "bye", Period.ofDays(10));
        Instant noticeEnd = LATER.plus(Duration.ofDays(10));
        assertThat(a.getNoticeEndsAt()).isEqualTo(noticeEnd);
        Instant detected = noticeEnd.plus(Duration.ofHours(3));
        assertThat(a.completeWithdrawalIfDue(detected)).hasValueSatisfying(e -> {
            assertThat(e.at()).isEqualTo(detected);
            assertThat(e.endedAt()).isEqualTo(noticeEnd);
        });
    }

    @Test
    void aSecondWithdrawalNoticeIsRefused() {
        Agreement a = Fixtures.withdrawalPending();
        assertThatThrownBy(() -> a.withdraw(NATO, LATER, "me too", Period.ofMonths(6)))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> {
                    assertThat(e.currentState()).isEqualTo("WITHDRAWAL_PENDING");
                    assertThat(e.allowedActions()).containsExactly("record-reservation");
                });
    }

    @Test
    void reservationIsRefusedOnceTheNoticePeriodHasEndedEvenBeforeTheSchedulerRuns() {
        Agreement a = Fixtures.withdrawalPending();
        assertThatThrownBy(() -> a.recordReservation(NATO, a.getNoticeEndsAt(), "late"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("agreement-ended"));
    }

    // ------------------------------------------------------------ expiry

    @Test
    void oneSecondBeforeExpiresAtTheAgreementIsNotExpired() {
        Agreement a = Fixtures.provisional();
        assertThat(a.getExpiresAt()).isEqualTo(T0_EXPIRY);
        assertThat(a.expireIfDue(T0_EXPIRY.minus(ONE_SECOND))).isEmpty();
        assertThat(a.expireIfDue(T0_EXPIRY.minusNanos(1000))).isEmpty();
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.PROVISIONAL);
        assertThat(a.isInForceAt(T0_EXPIRY.minus(ONE_SECOND))).isTrue();
    }

    @Test
    void atExactlyExpiresAtTheAgreementExpires() {
        Agreement a = Fixtures.provisional();
        assertThat(a.isInForceAt(T0_EXPIRY)).isFalse();
        assertThat(a.expireIfDue(T0_EXPIRY))
                .contains(new AgreementEvent.Expired(a.getId(), null, T0_EXPIRY, T0_EXPIRY));
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.EXPIRED);
        assertThat(a.getEndedAt()).isEqualTo(T0_EXPIRY);
    }

    @Test
    void oneSecondAfterExpiresAtTheAgreementExpiresAndEndsAtExpiresAt() {
        Agreement a = Fixtures.provisional();
        a.consentToPermanence(RUSSIA, T0);
        Instant late = T0_EXPIRY.plus(ONE_SECOND);
        assertThat(a.expireIfDue(late)).hasValueSatisfying(e -> {
            assertThat(e.at()).isEqualTo(late);
            assertThat(e.endedAt()).isEqualTo(T0_EXPIRY);
            assertThat(e.type()).isEqualTo("agreement.expired");
        });
        assertThat(a.getPermanenceConsents()).isEmpty();
        assertThat(a.expireIfDue(late.plus(ONE_SECOND))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = AgreementStatus.class, names = {"PROVISIONAL"}, mode = EnumSource.Mode.EXCLUDE)
    void expiryOnlyEverAppliesToProvisionalAgreements(AgreementStatus status) {
        Agreement a = Fixtures.in(status);
        assertThat(a.expireIfDue(Instant.parse("2100-01-01T00:00:00Z"))).isEmpty();
        assertThat(a.getStatus()).isEqualTo(status);
    }

    @Test
    void partyCommandsAtOrAfterExpiresAtAreRefusedEvenBeforeTheSchedulerRuns() {
        Agreement a = Fixtures.provisional();
        assertThatThrownBy(() -> a.withdraw(NATO, T0_EXPIRY, "too late", Period.ofMonths(6)))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("agreement-expired"));
        assertThatThrownBy(() -> a.recordReservation(NATO, T0_EXPIRY.plus(ONE_SECOND), "x"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("agreement-expired"));
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.PROVISIONAL);
        assertThat(a.withdraw(NATO, T0_EXPIRY.minus(ONE_SECOND), "just in time", Period.ofMonths(6))).hasSize(1);
    }

    // ------------------------------------------------------------ reservations

    @Test
    void eachPartyRecordsOnlyItsOwnReservation() {
        Agreement a = Fixtures.provisional();
        a.recordReservation(NATO, LATER, "NATO acknowledges Russia's concerns");
        a.recordReservation(RUSSIA, LATER, "Russia reserves the right not to make it permanent");
        assertThat(a.reservation(NATO)).contains("NATO acknowledges Russia's concerns");
        assertThat(a.reservation(RUSSIA)).contains("Russia reserves the right not to make it permanent");

        assertThat(a.recordReservation(RUSSIA, LATER, " ")).singleElement()
                .isEqualTo(new AgreementEvent.ReservationRecorded(a.getId(), RUSSIA, LATER, null));
        assertThat(a.reservation(RUSSIA)).isEmpty();
        assertThat(a.reservation(NATO)).isPresent();
    }

    @Test
    void reservationLongerThan4000CharactersIsRefused() {
        Agreement a = Fixtures.provisional();
        assertThat(a.recordReservation(NATO, LATER, "x".repeat(4000))).hasSize(1);
        assertThatThrownBy(() -> a.recordReservation(NATO, LATER, "x".repeat(4001)))
                .isInstanceOfSatisfying(ValidationFailed.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("reservation"));
    }

    // ------------------------------------------------------------ status helpers, persistence

    @Test
    void statusHelpersDescribeTheSlotAndInForceStates() {
        assertThat(AgreementStatus.slotStatuses()).containsExactlyInAnyOrder(AgreementStatus.PROPOSED,
                AgreementStatus.PROVISIONAL, AgreementStatus.PERMANENT, AgreementStatus.WITHDRAWAL_PENDING);
        assertThat(AgreementStatus.inForceStatuses()).containsExactlyInAnyOrder(AgreementStatus.PROVISIONAL,
                AgreementStatus.PERMANENT, AgreementStatus.WITHDRAWAL_PENDING);
        assertThat(AgreementStatus.DRAFT.occupiesTheSlot()).isFalse();
        assertThat(AgreementStatus.PROPOSED.occupiesTheSlot()).isTrue();
        assertThat(AgreementStatus.PROPOSED.isInForce()).isFalse();
        assertThat(AgreementStatus.EXPIRED.occupiesTheSlot()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(AgreementStatus.class)
    void snapshotRoundTripsEveryState(AgreementStatus status) {
        Agreement a = Fixtures.in(status);
        Agreement copy = Agreement.rehydrate(a.snapshot());
        assertThat(copy.snapshot()).isEqualTo(a.snapshot());
        assertThat(copy.allowedActions(NATO)).isEqualTo(a.allowedActions(NATO));
    }

    @Test
    void timesAreTruncatedToMicrosecondsSoTheyRoundTripThroughTheDatabase() {
        Instant withNanos = Instant.parse("2026-03-01T10:00:00.123456789Z");
        Agreement a = Fixtures.proposed();
        a.accept(RUSSIA, withNanos);
        assertThat(a.getEffectiveAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
    }
}
