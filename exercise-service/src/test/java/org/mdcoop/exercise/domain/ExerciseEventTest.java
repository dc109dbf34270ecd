package org.mdcoop.exercise.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mdcoop.exercise.domain.ExerciseFixtures.T0;
import static org.mdcoop.exercise.domain.ExerciseFixtures.WINDOW;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.Party;
import org.mdcoop.exercise.domain.ExerciseEvent.ExerciseState;
import org.mdcoop.exercise.domain.aar.AfterActionMetrics;
import org.mdcoop.exercise.domain.aar.AfterActionReport;
import org.mdcoop.exercise.domain.aar.AfterActionStatus;

/** Every command returns the typed event of what it did, carrying the exercise (or report) after the change. */
class ExerciseEventTest {

    static final UUID ID = UUID.fromString("c1a2b3c4-0000-4000-8000-000000000002");

    static ExerciseState state(Exercise e) {
        return new ExerciseState(e.id(), e.name(), e.kind(), e.host(), e.approvedBy(), e.window().start(),
                e.window().end(), e.status(), e.scenario().version(), e.approvedScenarioVersion());
    }

    @Test
    void theProgrammeCommandsReturnTheirEventsWithTheExerciseAfterTheChange() {
        Exercise.Proposed proposed = Exercise.propose(ID, Party.NATO, " Shield 27 ", ExerciseKind.COMPUTER_ASSISTED,
                WINDOW, ExerciseFixtures.oneInject(), T0.minusSeconds(86400));
        Exercise e = proposed.exercise();
        assertThat(proposed.event()).isEqualTo(new ExerciseEvent.Proposed(new ExerciseState(ID, "Shield 27",
                ExerciseKind.COMPUTER_ASSISTED, Party.NATO, null, WINDOW.start(), WINDOW.end(),
                ExerciseStatus.PROPOSED, 1, null)));
        assertThat(proposed.event().type()).isEqualTo("exercise.proposed");
        assertThat(proposed.event().payloadVersion()).isEqualTo(1);
        assertThat(proposed.event().exerciseId()).isEqualTo(ID);

        ExerciseEvent changed = e.changeScenario(Party.NATO, List.of(ExerciseFixtures.mrbm(30)),
                T0.minusSeconds(80000));
        assertThat(changed).isEqualTo(new ExerciseEvent.ScenarioChanged(state(e)));
        assertThat(changed.type()).isEqualTo("exercise.scenario-changed");
        assertThat(state(e).scenarioVersion()).isEqualTo(2);

        ExerciseEvent roster = e.addParticipant(Party.RUSSIA, UUID.randomUUID(), "Col. Ivanov", "observer",
                T0.minusSeconds(79000));
        assertThat(roster).isEqualTo(new ExerciseEvent.RosterChanged(state(e)));
        assertThat(roster.type()).isEqualTo("exercise.roster-changed");

        ExerciseEvent approved = e.approve(Party.RUSSIA, 2, T0.minusSeconds(70000));
        assertThat(approved).isEqualTo(new ExerciseEvent.Approved(state(e)));
        assertThat(((ExerciseEvent.Approved) approved).exercise().approvedBy()).isEqualTo(Party.RUSSIA);
        assertThat(((ExerciseEvent.Approved) approved).exercise().approvedScenarioVersion()).isEqualTo(2);
        assertThat(approved.type()).isEqualTo("exercise.approved");

        ExerciseEvent details = e.updateDetails(Party.NATO, "Shield 28", ExerciseKind.COMMAND_POST, WINDOW,
                T0.minusSeconds(60000));
        assertThat(details).isEqualTo(new ExerciseEvent.DetailsUpdated(state(e)));
        assertThat(((ExerciseEvent.DetailsUpdated) details).exercise().status()).isEqualTo(ExerciseStatus.PROPOSED);
        assertThat(details.type()).isEqualTo("exercise.details-updated");

        e.approve(Party.RUSSIA, 2, T0.minusSeconds(50000));
        ExerciseEvent.Started started = e.start(Party.NATO, T0);
        assertThat(started).isEqualTo(new ExerciseEvent.Started(state(e), null));
        assertThat(started.type()).isEqualTo("exercise.started");
        ExerciseEvent.Run run = new ExerciseEvent.Run(T0, T0, 1.0, T0.plusSeconds(600), T0.plusSeconds(600),
                List.of("NATO-1"));
        assertThat(started.withRun(run)).isEqualTo(new ExerciseEvent.Started(state(e), run));

        ExerciseEvent completed = e.complete(Party.NATO, T0.plusSeconds(3600));
        assertThat(completed).isEqualTo(new ExerciseEvent.Completed(state(e)));
        assertThat(completed.type()).isEqualTo("exercise.completed");
        assertThat(e.halt("agreement expired", T0.plusSeconds(7200))).isEmpty();
    }

    @Test
    void cancellingAndHaltingReturnTheirEvents() {
        Exercise cancelled = ExerciseFixtures.approved(Party.NATO);
        ExerciseEvent event = cancelled.cancel(Party.RUSSIA, "weather", T0.minusSeconds(3600));
        assertThat(event).isEqualTo(new ExerciseEvent.Cancelled(state(cancelled)));
        assertThat(event.type()).isEqualTo("exercise.cancelled");

        Exercise halted = ExerciseFixtures.running(Party.RUSSIA);
        assertThat(halted.halt("agreement withdrawn", T0.plusSeconds(60)))
                .contains(new ExerciseEvent.Halted(state(halted), "agreement withdrawn"));
        assertThat(new ExerciseEvent.Halted(state(halted), "x").type()).isEqualTo("exercise.halted");
    }

    @Test
    void theReportCommandsReturnTheReportSummaryAfterTheChange() {
        Exercise e = ExerciseFixtures.running(Party.NATO);
        e.complete(Party.NATO, T0.plusSeconds(3600));
        AfterActionReport.Drafted drafted = AfterActionReport.draft(UUID.randomUUID(), e,
                new AfterActionMetrics(List.of(), List.of("F-1"), 5_000), T0.plusSeconds(4000));
        AfterActionReport r = drafted.report();
        assertThat(drafted.event()).isEqualTo(new ExerciseEvent.ReportComputed(new ExerciseEvent.ReportState(
                e.id(), r.id(), AfterActionStatus.DRAFT, 1, 0, 0, 1, 0, List.of())));
        assertThat(drafted.event().type()).isEqualTo("exercise.report-computed");
        assertThat(drafted.event().exerciseId()).isEqualTo(e.id());

        assertThat(r.recompute(new AfterActionMetrics(List.of(), List.of(), 5_000), T0.plusSeconds(4100)))
                .isEqualTo(new ExerciseEvent.ReportComputed(new ExerciseEvent.ReportState(e.id(), r.id(),
                        AfterActionStatus.DRAFT, 2, 0, 0, 0, 0, List.of())));

        List<ExerciseEvent.ReportEvent> first = r.approve(Party.RUSSIA, 2, T0.plusSeconds(4200));
        assertThat(first).containsExactly(new ExerciseEvent.ReportApproved(new ExerciseEvent.ReportState(e.id(),
                r.id(), AfterActionStatus.DRAFT, 2, 0, 0, 0, 0, List.of(Party.RUSSIA))));

        List<ExerciseEvent.ReportEvent> second = r.approve(Party.NATO, 2, T0.plusSeconds(4300));
        ExerciseEvent.ReportState finalised = new ExerciseEvent.ReportState(e.id(), r.id(), AfterActionStatus.FINAL,
                2, 0, 0, 0, 0, List.of(Party.NATO, Party.RUSSIA));
        assertThat(second).containsExactly(new ExerciseEvent.ReportApproved(finalised),
                new ExerciseEvent.ReportFinalised(finalised));
        assertThat(second).extracting(ExerciseEvent::type)
                .containsExactly("exercise.report-approved", "exercise.report-finalised");
    }
}
