package org.mdcoop.exercise.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mdcoop.exercise.domain.ExerciseFixtures.T0;
import static org.mdcoop.exercise.domain.ExerciseFixtures.WINDOW;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mdcoop.common.domain.IllegalTransition;
import org.mdcoop.common.domain.NotPermitted;
import org.mdcoop.common.domain.Party;

/** Every (state, action, host/guest) combination against the expected outcome, written out by hand. */
class ExerciseTransitionTableTest {

    enum Who { HOST, GUEST }

    enum Outcome { OK, NOT_PERMITTED, ILLEGAL }

    private static final Set<ExerciseAction> HOST_ONLY = EnumSet.of(ExerciseAction.START, ExerciseAction.COMPLETE,
            ExerciseAction.CHANGE_SCENARIO, ExerciseAction.UPDATE_DETAILS);

    /** Legal (state -> who -> actions -> resulting state). Anything else is refused. */
    private static final Map<ExerciseStatus, Map<Who, Map<ExerciseAction, ExerciseStatus>>> LEGAL = Map.of(
            ExerciseStatus.PROPOSED, Map.of(
                    Who.HOST, Map.of(ExerciseAction.CANCEL, ExerciseStatus.CANCELLED,
                            ExerciseAction.CHANGE_SCENARIO, ExerciseStatus.PROPOSED,
                            ExerciseAction.UPDATE_DETAILS, ExerciseStatus.PROPOSED,
                            ExerciseAction.MANAGE_PARTICIPANTS, ExerciseStatus.PROPOSED),
                    Who.GUEST, Map.of(ExerciseAction.APPROVE, ExerciseStatus.APPROVED,
                            ExerciseAction.CANCEL, ExerciseStatus.CANCELLED,
                            ExerciseAction.MANAGE_PARTICIPANTS, ExerciseStatus.PROPOSED)),
            ExerciseStatus.APPROVED, Map.of(
                    Who.HOST, Map.of(ExerciseAction.START, ExerciseStatus.RUNNING,
                            ExerciseAction.CANCEL, ExerciseStatus.CANCELLED,
                            ExerciseAction.CHANGE_SCENARIO, ExerciseStatus.PROPOSED,
                            ExerciseAction.UPDATE_DETAILS, ExerciseStatus.PROPOSED,
                            ExerciseAction.MANAGE_PARTICIPANTS, ExerciseStatus.APPROVED),
                    Who.GUEST, Map.of(ExerciseAction.CANCEL, ExerciseStatus.CANCELLED,
                            ExerciseAction.MANAGE_PARTICIPANTS, ExerciseStatus.APPROVED)),
            ExerciseStatus.RUNNING, Map.of(
                    Who.HOST, Map.of(ExerciseAction.COMPLETE, ExerciseStatus.COMPLETED,
                            ExerciseAction.MANAGE_PARTICIPANTS, ExerciseStatus.RUNNING),
                    Who.GUEST, Map.of(ExerciseAction.MANAGE_PARTICIPANTS, ExerciseStatus.RUNNING)),
            ExerciseStatus.COMPLETED, Map.of(Who.HOST, Map.of(), Who.GUEST, Map.of()),
            ExerciseStatus.CANCELLED, Map.of(Who.HOST, Map.of(), Who.GUEST, Map.of()),
            ExerciseStatus.HALTED, Map.of(Who.HOST, Map.of(), Who.GUEST, Map.of()));

    static Stream<Arguments> everyCombination() {
        List<Arguments> out = new ArrayList<>();
        for (Party host : Party.values()) {
            for (ExerciseStatus s : ExerciseStatus.values()) {
                for (ExerciseAction a : ExerciseAction.values()) {
                    for (Who who : Who.values()) {
                        out.add(Arguments.of(host, s, a, who));
                    }
                }
            }
        }
        return out.stream();
    }

    private static void perform(Exercise e, ExerciseAction a, Party by) {
        switch (a) {
            case APPROVE -> e.approve(by, e.scenario().version(), T0);
            case START -> e.start(by, T0);
            case COMPLETE -> e.complete(by, T0.plusSeconds(3600));
            case CANCEL -> e.cancel(by, "reason", T0);
            case CHANGE_SCENARIO -> e.changeScenario(by, List.of(ExerciseFixtures.mrbm(120)), T0);
            case UPDATE_DETAILS -> e.updateDetails(by, "Renamed", ExerciseKind.COMMAND_POST, WINDOW, T0);
            case MANAGE_PARTICIPANTS -> e.addParticipant(by, UUID.randomUUID(), "Col. A", "observer", T0);
        }
    }

    @ParameterizedTest(name = "host {0}: {1} --{2} by {3}-->")
    @MethodSource("everyCombination")
    void transitionTable(Party host, ExerciseStatus state, ExerciseAction action, Who who) {
        Exercise e = ExerciseFixtures.inState(state, host);
        Party by = who == Who.HOST ? host : host.other();
        ExerciseStatus legalTarget = LEGAL.get(state).get(who).get(action);
        Outcome expected;
        if (legalTarget != null) {
            expected = Outcome.OK;
        } else if ((HOST_ONLY.contains(action) && who == Who.GUEST)
                || (action == ExerciseAction.APPROVE && who == Who.HOST)) {
            expected = Outcome.NOT_PERMITTED;
        } else {
            expected = Outcome.ILLEGAL;
        }
        assertThat(e.allowedActions(by).contains(action)).isEqualTo(expected == Outcome.OK);
        switch (expected) {
            case OK -> {
                perform(e, action, by);
                assertThat(e.status()).isEqualTo(legalTarget);
            }
            case NOT_PERMITTED -> {
                assertThatThrownBy(() -> perform(e, action, by)).isInstanceOf(NotPermitted.class);
                assertThat(e.status()).isEqualTo(state);
            }
            case ILLEGAL -> {
                assertThatThrownBy(() -> perform(e, action, by)).isInstanceOfSatisfying(IllegalTransition.class, ex -> {
                    assertThat(ex.currentState()).isEqualTo(state.name());
                    assertThat(ex.action()).isEqualTo(action.slug());
                    assertThat(ex.allowedActions()).containsExactlyInAnyOrderElementsOf(
                            LEGAL.get(state).get(who).keySet().stream().map(ExerciseAction::slug).toList());
                });
                assertThat(e.status()).isEqualTo(state);
            }
        }
    }

    @Test
    void allowedActionsDifferPerParty() {
        Exercise e = ExerciseFixtures.proposed(Party.NATO);
        assertThat(e.allowedActions(Party.NATO)).containsExactly(ExerciseAction.CANCEL,
                ExerciseAction.CHANGE_SCENARIO, ExerciseAction.UPDATE_DETAILS, ExerciseAction.MANAGE_PARTICIPANTS);
        assertThat(e.allowedActions(Party.RUSSIA)).containsExactly(ExerciseAction.APPROVE, ExerciseAction.CANCEL,
                ExerciseAction.MANAGE_PARTICIPANTS);
    }

    @Test
    void completedExerciseRefusesCancellationListingNoAllowedActions() {
        Exercise e = ExerciseFixtures.inState(ExerciseStatus.COMPLETED, Party.RUSSIA);
        assertThatThrownBy(() -> e.cancel(Party.NATO, "late", T0)).isInstanceOfSatisfying(IllegalTransition.class,
                ex -> assertThat(ex.allowedActions()).isEmpty());
    }
}
