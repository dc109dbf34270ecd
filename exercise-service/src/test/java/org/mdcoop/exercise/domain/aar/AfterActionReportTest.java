package org.mdcoop.exercise.domain.aar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mdcoop.common.domain.IllegalTransition;
import org.mdcoop.common.domain.NotFound;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.RuleViolation;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.exercise.domain.Exercise;
import org.mdcoop.exercise.domain.ExerciseKind;
import org.mdcoop.exercise.domain.ExerciseStatus;
import org.mdcoop.exercise.domain.ExerciseWindow;
import org.mdcoop.exercise.domain.scenario.Inject;
import org.mdcoop.exercise.domain.scenario.MissileClass;

class AfterActionReportTest {

    static final Instant T0 = Instant.parse("2027-03-01T08:00:00Z");
    static final AfterActionMetrics METRICS = new AfterActionMetrics(List.of(), List.of(), 5_000);
    static final AfterActionMetrics OTHER = new AfterActionMetrics(List.of(), List.of("F"), 5_000);

    static Exercise exercise(boolean complete) {
        Exercise e = Exercise.propose(UUID.randomUUID(), Party.NATO, "Shield", ExerciseKind.COMPUTER_ASSISTED,
                new ExerciseWindow(T0, T0.plusSeconds(7200)),
                List.of(new Inject(10, 0, 30, 0, 43.5, MissileClass.MRBM, 4.5)), T0.minusSeconds(86400)).exercise();
        e.approve(Party.RUSSIA, 1, T0.minusSeconds(3600));
        e.start(Party.NATO, T0);
        if (complete) {
            e.complete(Party.NATO, T0.plusSeconds(3600));
        }
        return e;
    }

    static AfterActionReport draft() {
        return AfterActionReport.draft(UUID.randomUUID(), exercise(true), METRICS, T0.plusSeconds(4000)).report();
    }

    @Test
    void aDraftNeedsACompletedExercise() {
        assertThatThrownBy(() -> AfterActionReport.draft(UUID.randomUUID(), exercise(false), METRICS, T0))
                .isInstanceOfSatisfying(RuleViolation.class,
                        ex -> assertThat(ex.rule()).isEqualTo("exercise-not-completed"));
        AfterActionReport r = draft();
        assertThat(r.status()).isEqualTo(AfterActionStatus.DRAFT);
        assertThat(r.revision()).isEqualTo(1);
        assertThat(r.approvals()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Party.class)
    void bothPartiesApprovingInEitherOrderMakesItFinal(Party first) {
        AfterActionReport r = draft();
        r.approve(first, 1, T0.plusSeconds(5000));
        assertThat(r.status()).isEqualTo(AfterActionStatus.DRAFT);
        assertThat(r.isApprovedBy(first)).isTrue();
        assertThat(r.isApprovedBy(first.other())).isFalse();
        r.approve(first.other(), 1, T0.plusSeconds(6000));
        assertThat(r.status()).isEqualTo(AfterActionStatus.FINAL);
        assertThat(r.finalizedAt()).isEqualTo(T0.plusSeconds(6000));
    }

    @Test
    void aPartyCannotApproveTwice() {
        AfterActionReport r = draft();
        r.approve(Party.RUSSIA, 1, T0);
        assertThatThrownBy(() -> r.approve(Party.RUSSIA, 1, T0)).isInstanceOfSatisfying(RuleViolation.class,
                ex -> assertThat(ex.rule()).isEqualTo("already-approved"));
        assertThat(r.status()).isEqualTo(AfterActionStatus.DRAFT);
    }

    @Test
    void recomputingClearsApprovalsAndApprovingAnOldRevisionIsRefused() {
        AfterActionReport r = draft();
        r.approve(Party.NATO, 1, T0);
        r.recompute(OTHER, T0.plusSeconds(10));
        assertThat(r.revision()).isEqualTo(2);
        assertThat(r.metrics()).isEqualTo(OTHER);
        assertThat(r.approvals()).isEmpty();
        assertThatThrownBy(() -> r.approve(Party.RUSSIA, 1, T0)).isInstanceOfSatisfying(RuleViolation.class,
                ex -> assertThat(ex.rule()).isEqualTo("report-revision-mismatch"));
        r.approve(Party.RUSSIA, 2, T0);
        r.approve(Party.NATO, 2, T0);
        assertThat(r.status()).isEqualTo(AfterActionStatus.FINAL);
    }

    @Test
    void aFinalReportCannotBeRecomputedApprovedOrCommented() {
        AfterActionReport r = draft();
        r.approve(Party.NATO, 1, T0);
        r.approve(Party.RUSSIA, 1, T0);
        assertThatThrownBy(() -> r.recompute(OTHER, T0)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> r.approve(Party.NATO, 1, T0)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> r.addComment(Party.NATO, UUID.randomUUID(), "a", "late", T0))
                .isInstanceOf(IllegalTransition.class);
        assertThat(r.metrics()).isEqualTo(METRICS);
    }

    @Test
    void eachPartyAddsAndRemovesOnlyItsOwnComments() {
        AfterActionReport r = draft();
        Comment n = r.addComment(Party.NATO, UUID.randomUUID(), "nato-planner", "  Good coverage. ", T0);
        Comment ru = r.addComment(Party.RUSSIA, UUID.randomUUID(), "ru-planner", "Track 7 broke twice.", T0);
        assertThat(n.text()).isEqualTo("Good coverage.");
        assertThat(r.comments(Party.NATO)).containsExactly(n);
        assertThat(r.comments(Party.RUSSIA)).containsExactly(ru);
        assertThatThrownBy(() -> r.removeComment(Party.NATO, ru.id())).isInstanceOf(NotFound.class);
        assertThat(r.comments()).hasSize(2);
        r.removeComment(Party.RUSSIA, ru.id());
        assertThat(r.comments()).containsExactly(n);
        assertThatThrownBy(() -> r.addComment(Party.RUSSIA, UUID.randomUUID(), "x", " ", T0))
                .isInstanceOf(ValidationFailed.class);
    }

    @Test
    void commentsSurviveRecomputation() {
        AfterActionReport r = draft();
        r.addComment(Party.NATO, UUID.randomUUID(), "n", "keep me", T0);
        r.recompute(OTHER, T0);
        assertThat(r.comments()).hasSize(1);
    }

    @Test
    void snapshotRestoresAnEqualReport() {
        AfterActionReport r = draft();
        r.approve(Party.NATO, 1, T0);
        r.addComment(Party.RUSSIA, UUID.randomUUID(), "r", "c", T0);
        AfterActionReport copy = AfterActionReport.restore(r.snapshot());
        assertThat(copy.snapshot()).isEqualTo(r.snapshot());
        copy.approve(Party.RUSSIA, 1, T0);
        assertThat(copy.status()).isEqualTo(AfterActionStatus.FINAL);
        assertThat(r.status()).isEqualTo(AfterActionStatus.DRAFT);
        assertThat(exercise(true).status()).isEqualTo(ExerciseStatus.COMPLETED);
    }
}
