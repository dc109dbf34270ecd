package org.mdcoop.exercise.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mdcoop.exercise.domain.ExerciseFixtures.T0;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.RuleViolation;

class ExerciseOverlapTest {

    private static ExerciseWindow hours(int fromH, int toH) {
        return new ExerciseWindow(T0.plusSeconds(fromH * 3600L), T0.plusSeconds(toH * 3600L));
    }

    private static Exercise existing(Party host, ExerciseWindow w) {
        return Exercise.propose(UUID.randomUUID(), host, "Existing", ExerciseKind.COMMAND_POST, w,
                ExerciseFixtures.oneInject(), T0.minusSeconds(86400)).exercise();
    }

    @Test
    void sameHostOverlappingWindowIsRefused() {
        Exercise other = existing(Party.NATO, hours(0, 6));
        assertThatThrownBy(() -> ExerciseOverlap.check(UUID.randomUUID(), Party.NATO, hours(5, 8), List.of(other)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        ex -> {
                            assertThat(ex.rule()).isEqualTo("exercise-overlap");
                            assertThat(ex.getMessage()).contains(other.id().toString());
                        });
        assertThatThrownBy(() -> ExerciseOverlap.check(null, Party.NATO, hours(1, 2), List.of(other)))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void backToBackWindowsDoNotOverlap() {
        Exercise other = existing(Party.NATO, hours(0, 6));
        assertThatCode(() -> ExerciseOverlap.check(UUID.randomUUID(), Party.NATO, hours(6, 8), List.of(other)))
                .doesNotThrowAnyException();
        assertThatCode(() -> ExerciseOverlap.check(UUID.randomUUID(), Party.NATO, hours(-3, 0), List.of(other)))
                .doesNotThrowAnyException();
    }

    @Test
    void otherHostsExercisesMayOverlap() {
        Exercise other = existing(Party.RUSSIA, hours(0, 6));
        assertThatCode(() -> ExerciseOverlap.check(UUID.randomUUID(), Party.NATO, hours(2, 4), List.of(other)))
                .doesNotThrowAnyException();
    }

    @Test
    void anExerciseDoesNotOverlapItself() {
        Exercise self = existing(Party.NATO, hours(0, 6));
        assertThatCode(() -> ExerciseOverlap.check(self.id(), Party.NATO, hours(1, 7), List.of(self)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(value = ExerciseStatus.class)
    void cancelledAndHaltedExercisesFreeTheirSlot(ExerciseStatus status) {
        Exercise other = ExerciseFixtures.inState(status, Party.NATO);
        boolean conflicts = ExerciseOverlap.conflicts(UUID.randomUUID(), Party.NATO, other.window(), other);
        assertThat(conflicts).isEqualTo(status != ExerciseStatus.CANCELLED && status != ExerciseStatus.HALTED);
    }

    @Test
    void anExerciseCompletedEarlyFreesTheRestOfItsWindow() {
        Exercise done = ExerciseFixtures.running(Party.NATO); // window T0 .. T0+6h, started at T0
        done.complete(Party.NATO, T0.plusSeconds(3600));
        assertThat(ExerciseOverlap.occupied(done)).contains(hours(0, 1));
        assertThatCode(() -> ExerciseOverlap.check(UUID.randomUUID(), Party.NATO, hours(1, 3), List.of(done)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ExerciseOverlap.check(UUID.randomUUID(), Party.NATO, hours(0, 2), List.of(done)))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void aRunningExerciseHoldsItsWholeWindow() {
        Exercise running = ExerciseFixtures.running(Party.NATO);
        assertThat(ExerciseOverlap.occupied(running)).contains(hours(0, 6));
        assertThatThrownBy(() -> ExerciseOverlap.check(UUID.randomUUID(), Party.NATO, hours(5, 7), List.of(running)))
                .isInstanceOf(RuleViolation.class);
    }
}
