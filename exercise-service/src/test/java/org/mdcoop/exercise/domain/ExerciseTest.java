package org.mdcoop.exercise.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mdcoop.exercise.domain.ExerciseFixtures.T0;
import static org.mdcoop.exercise.domain.ExerciseFixtures.WINDOW;
import static org.mdcoop.exercise.domain.ExerciseFixtures.mrbm;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mdcoop.common.domain.NotFound;
import org.mdcoop.common.domain.NotPermitted;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.RuleViolation;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.common.domain.ValidationFailed.FieldError;
import org.mdcoop.exercise.domain.scenario.Inject;
import org.mdcoop.exercise.domain.scenario.MissileClass;

class ExerciseTest {

    @Test
    void proposalStartsAsProposedWithScenarioVersionOne() {
        Exercise e = ExerciseFixtures.proposed(Party.NATO);
        assertThat(e.status()).isEqualTo(ExerciseStatus.PROPOSED);
        assertThat(e.host()).isEqualTo(Party.NATO);
        assertThat(e.scenario().version()).isEqualTo(1);
        assertThat(e.scenario().injects()).hasSize(1);
        assertThat(e.approvedBy()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Party.class)
    void otherPartyApprovesTheProposal(Party host) {
        Exercise e = ExerciseFixtures.proposed(host);
        e.approve(host.other(), 1, T0);
        assertThat(e.status()).isEqualTo(ExerciseStatus.APPROVED);
        assertThat(e.approvedBy()).isEqualTo(host.other());
        assertThat(e.approvedAt()).isEqualTo(T0);
        assertThat(e.approvedScenarioVersion()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Party.class)
    void partyCannotApproveItsOwnExercise(Party host) {
        Exercise e = ExerciseFixtures.proposed(host);
        assertThatThrownBy(() -> e.approve(host, 1, T0)).isInstanceOf(NotPermitted.class)
                .hasMessageContaining("never approves its own");
        assertThat(e.status()).isEqualTo(ExerciseStatus.PROPOSED);
    }

    @Test
    void approvalOfAStaleScenarioVersionIsRefused() {
        Exercise e = ExerciseFixtures.proposed(Party.NATO);
        e.changeScenario(Party.NATO, List.of(mrbm(10), mrbm(20)), T0);
        assertThatThrownBy(() -> e.approve(Party.RUSSIA, 1, T0)).isInstanceOfSatisfying(RuleViolation.class,
                ex -> assertThat(ex.rule()).isEqualTo("scenario-version-mismatch"));
        e.approve(Party.RUSSIA, 2, T0);
        assertThat(e.status()).isEqualTo(ExerciseStatus.APPROVED);
    }

    @Test
    void scenarioChangeAfterApprovalRequiresApprovalAgain() {
        Exercise e = ExerciseFixtures.approved(Party.RUSSIA);
        e.changeScenario(Party.RUSSIA, List.of(mrbm(30), mrbm(90)), T0.minusSeconds(3600));
        assertThat(e.status()).isEqualTo(ExerciseStatus.PROPOSED);
        assertThat(e.scenario().version()).isEqualTo(2);
        assertThat(e.scenario().injects()).hasSize(2);
        assertThat(e.approvedBy()).isNull();
        assertThat(e.approvedScenarioVersion()).isNull();
        assertThatThrownBy(() -> e.start(Party.RUSSIA, T0)).isInstanceOf(
                org.mdcoop.common.domain.IllegalTransition.class);
        e.approve(Party.NATO, 2, T0.minusSeconds(60));
        assertThat(e.approvedScenarioVersion()).isEqualTo(2);
        e.start(Party.RUSSIA, T0);
        assertThat(e.status()).isEqualTo(ExerciseStatus.RUNNING);
    }

    @Test
    void scenarioChangeWhileRunningIsRefused() {
        Exercise e = ExerciseFixtures.running(Party.NATO);
        assertThatThrownBy(() -> e.changeScenario(Party.NATO, List.of(mrbm(5)), T0))
                .isInstanceOf(org.mdcoop.common.domain.IllegalTransition.class);
        assertThat(e.scenario().version()).isEqualTo(1);
    }

    @Test
    void invalidScenarioChangeLeavesTheApprovalInPlace() {
        Exercise e = ExerciseFixtures.approved(Party.NATO);
        Inject bad = new Inject(10, 0, 30, 0, 43.5, null, 4.5);
        assertThatThrownBy(() -> e.changeScenario(Party.NATO, List.of(bad), T0)).isInstanceOf(ValidationFailed.class);
        assertThat(e.status()).isEqualTo(ExerciseStatus.APPROVED);
        assertThat(e.scenario().version()).isEqualTo(1);
    }

    @Test
    void changingTheWindowAfterApprovalRequiresApprovalAgainButAnUnchangedUpdateDoesNot() {
        Exercise e = ExerciseFixtures.approved(Party.NATO);
        e.updateDetails(Party.NATO, e.name(), e.kind(), e.window(), T0);
        assertThat(e.status()).isEqualTo(ExerciseStatus.APPROVED);
        e.updateDetails(Party.NATO, e.name(), e.kind(), new ExerciseWindow(T0.plusSeconds(3600),
                T0.plusSeconds(9 * 3600)), T0);
        assertThat(e.status()).isEqualTo(ExerciseStatus.PROPOSED);
        assertThat(e.approvedBy()).isNull();
    }

    @Test
    void hostMayStartFromFifteenMinutesBeforeTheWindowUntilItEnds() {
        Exercise early = ExerciseFixtures.approved(Party.NATO);
        assertThatThrownBy(() -> early.start(Party.NATO, T0.minus(Exercise.START_TOLERANCE).minusSeconds(1)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        ex -> assertThat(ex.rule()).isEqualTo("exercise-window-not-open"));
        assertThat(early.status()).isEqualTo(ExerciseStatus.APPROVED);
        early.start(Party.NATO, T0.minus(Exercise.START_TOLERANCE));
        assertThat(early.status()).isEqualTo(ExerciseStatus.RUNNING);
        assertThat(early.startedAt()).isEqualTo(T0.minus(Duration.ofMinutes(15)));

        Exercise late = ExerciseFixtures.approved(Party.NATO);
        assertThatThrownBy(() -> late.start(Party.NATO, WINDOW.end())).isInstanceOfSatisfying(RuleViolation.class,
                ex -> assertThat(ex.rule()).isEqualTo("exercise-window-passed"));
        late.start(Party.NATO, WINDOW.end().minusMillis(1));
        assertThat(late.status()).isEqualTo(ExerciseStatus.RUNNING);
    }

    @Test
    void exerciseWithoutInjectsCannotStart() {
        Exercise e = Exercise.propose(UUID.randomUUID(), Party.NATO, "Empty", ExerciseKind.COMMAND_POST, WINDOW,
                List.of(), T0.minusSeconds(86400)).exercise();
        e.approve(Party.RUSSIA, 1, T0.minusSeconds(3600));
        assertThatThrownBy(() -> e.start(Party.NATO, T0)).isInstanceOfSatisfying(RuleViolation.class,
                ex -> assertThat(ex.rule()).isEqualTo("scenario-empty"));
    }

    @Test
    void onlyTheHostStartsAndCompletes() {
        Exercise e = ExerciseFixtures.approved(Party.NATO);
        assertThatThrownBy(() -> e.start(Party.RUSSIA, T0)).isInstanceOf(NotPermitted.class);
        e.start(Party.NATO, T0);
        assertThatThrownBy(() -> e.complete(Party.RUSSIA, T0.plusSeconds(60))).isInstanceOf(NotPermitted.class);
        e.complete(Party.NATO, T0.plusSeconds(60));
        assertThat(e.status()).isEqualTo(ExerciseStatus.COMPLETED);
        assertThat(e.completedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @ParameterizedTest
    @EnumSource(Party.class)
    void eitherPartyCancelsBeforeStart(Party canceller) {
        Exercise p = ExerciseFixtures.proposed(Party.NATO);
        p.cancel(canceller, "budget", T0);
        assertThat(p.status()).isEqualTo(ExerciseStatus.CANCELLED);
        assertThat(p.cancelledBy()).isEqualTo(canceller);
        assertThat(p.cancelReason()).isEqualTo("budget");
        Exercise a = ExerciseFixtures.approved(Party.NATO);
        a.cancel(canceller, "budget", T0);
        assertThat(a.status()).isEqualTo(ExerciseStatus.CANCELLED);
        Exercise r = ExerciseFixtures.running(Party.NATO);
        assertThatThrownBy(() -> r.cancel(canceller, "too late", T0))
                .isInstanceOf(org.mdcoop.common.domain.IllegalTransition.class);
    }

    @ParameterizedTest
    @EnumSource(value = ExerciseStatus.class, names = {"PROPOSED", "APPROVED", "RUNNING"})
    void agreementEndHaltsEveryUnfinishedExercise(ExerciseStatus status) {
        Exercise e = ExerciseFixtures.inState(status, Party.RUSSIA);
        assertThat(e.halt("agreement withdrawn by NATO", T0.plusSeconds(5))).isPresent();
        assertThat(e.status()).isEqualTo(ExerciseStatus.HALTED);
        assertThat(e.haltedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(e.haltReason()).isEqualTo("agreement withdrawn by NATO");
        assertThat(e.allowedActions(Party.NATO)).isEmpty();
        assertThat(e.allowedActions(Party.RUSSIA)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ExerciseStatus.class, names = {"COMPLETED", "CANCELLED", "HALTED"})
    void haltingAFinishedExerciseIsANoOp(ExerciseStatus status) {
        Exercise e = ExerciseFixtures.inState(status, Party.NATO);
        var before = e.snapshot();
        assertThat(e.halt("agreement expired", T0.plusSeconds(99_999))).isEmpty();
        assertThat(e.snapshot()).isEqualTo(before);
    }

    @Test
    void proposalValidationListsEveryBadField() {
        assertThatThrownBy(() -> Exercise.propose(UUID.randomUUID(), Party.NATO, " ", null,
                new ExerciseWindow(T0, T0), List.of(), T0)).isInstanceOfSatisfying(ValidationFailed.class,
                        ex -> assertThat(ex.errors()).extracting(FieldError::field)
                                .containsExactly("name", "kind", "window.end"));
        String longName = String.join("", Collections.nCopies(201, "x"));
        assertThatThrownBy(() -> Exercise.propose(UUID.randomUUID(), Party.NATO, longName,
                ExerciseKind.LIVE_OBSERVATION, WINDOW, List.of(), T0)).isInstanceOfSatisfying(ValidationFailed.class,
                        ex -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("name"));
        Exercise ok = Exercise.propose(UUID.randomUUID(), Party.NATO, longName.substring(1),
                ExerciseKind.LIVE_OBSERVATION, WINDOW, List.of(), T0).exercise();
        assertThat(ok.name()).hasSize(200);
    }

    @Test
    void detailAndInjectErrorsAreReportedTogether() {
        Inject bad = new Inject(-1, 0, 30, 0, 43.5, MissileClass.MRBM, 4.5);
        assertThatThrownBy(() -> Exercise.propose(UUID.randomUUID(), Party.NATO, "", ExerciseKind.COMMAND_POST,
                WINDOW, List.of(mrbm(0), bad), T0)).isInstanceOfSatisfying(ValidationFailed.class,
                        ex -> assertThat(ex.errors()).extracting(FieldError::field)
                                .containsExactly("name", "injects[1].timeOffsetS"));
    }

    @Test
    void injectOffsetsMustFallInsideTheWindow() {
        ExerciseWindow oneHour = new ExerciseWindow(T0, T0.plusSeconds(3600));
        assertThatThrownBy(() -> Exercise.propose(UUID.randomUUID(), Party.NATO, "Short", ExerciseKind.COMMAND_POST,
                oneHour, List.of(mrbm(10), mrbm(3600)), T0)).isInstanceOfSatisfying(ValidationFailed.class,
                        ex -> assertThat(ex.errors()).extracting(FieldError::field)
                                .containsExactly("injects[1].timeOffsetS"));
        Exercise e = Exercise.propose(UUID.randomUUID(), Party.NATO, "Short", ExerciseKind.COMMAND_POST, oneHour,
                List.of(mrbm(3000)), T0).exercise();
        assertThatThrownBy(() -> e.updateDetails(Party.NATO, "Short", ExerciseKind.COMMAND_POST,
                new ExerciseWindow(T0, T0.plusSeconds(1800)), T0)).isInstanceOf(ValidationFailed.class);
    }

    @Test
    void eachPartyManagesOnlyItsOwnRoster() {
        Exercise e = ExerciseFixtures.approved(Party.NATO);
        e.addParticipant(Party.NATO, UUID.randomUUID(), " Col. Smith ", "director", T0);
        e.addParticipant(Party.RUSSIA, UUID.randomUUID(), "Col. Ivanov", "observer", T0);
        Participant n = e.roster(Party.NATO).get(0);
        Participant r = e.roster(Party.RUSSIA).get(0);
        assertThat(n.party()).isEqualTo(Party.NATO);
        assertThat(n.name()).isEqualTo("Col. Smith");
        assertThat(e.roster(Party.NATO)).containsExactly(n);
        assertThat(e.roster(Party.RUSSIA)).containsExactly(r);
        assertThatThrownBy(() -> e.removeParticipant(Party.NATO, r.id(), T0)).isInstanceOf(NotFound.class);
        assertThat(e.roster(Party.RUSSIA)).containsExactly(r);
        e.removeParticipant(Party.RUSSIA, r.id(), T0);
        assertThat(e.roster(Party.RUSSIA)).isEmpty();
        assertThatThrownBy(() -> e.addParticipant(Party.RUSSIA, UUID.randomUUID(), "", "", T0))
                .isInstanceOfSatisfying(ValidationFailed.class, ex -> assertThat(ex.errors())
                        .extracting(FieldError::field).containsExactly("name", "role"));
    }

    @Test
    void rostersAreFrozenOnceTheExerciseIsOver() {
        Exercise e = ExerciseFixtures.inState(ExerciseStatus.COMPLETED, Party.NATO);
        assertThatThrownBy(() -> e.addParticipant(Party.RUSSIA, UUID.randomUUID(), "Maj. P", "analyst", T0))
                .isInstanceOf(org.mdcoop.common.domain.IllegalTransition.class);
    }

    @Test
    void snapshotRestoresAnEqualExercise() {
        Exercise e = ExerciseFixtures.running(Party.RUSSIA);
        e.addParticipant(Party.NATO, UUID.randomUUID(), "Lt. K", "liaison", T0);
        Exercise copy = Exercise.restore(e.snapshot());
        assertThat(copy.snapshot()).isEqualTo(e.snapshot());
        copy.complete(Party.RUSSIA, T0.plusSeconds(10));
        assertThat(e.status()).isEqualTo(ExerciseStatus.RUNNING);
    }
}
