package org.mdcoop.exercise.service;

import static org.mdcoop.common.domain.Party.NATO;
import static org.mdcoop.common.domain.Party.RUSSIA;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.outbox.Outbox;
import org.mdcoop.exercise.domain.Exercise;
import org.mdcoop.exercise.domain.ExerciseEvent;
import org.mdcoop.exercise.domain.ExerciseKind;
import org.mdcoop.exercise.domain.ExerciseWindow;
import org.mdcoop.exercise.domain.aar.AfterActionMetrics;
import org.mdcoop.exercise.domain.aar.AfterActionReport;
import org.mdcoop.exercise.domain.aar.LaunchMetrics;
import org.mdcoop.exercise.domain.scenario.Inject;
import org.mdcoop.exercise.domain.scenario.MissileClass;
import org.mdcoop.exercise.messaging.ExerciseEventPublisher;

/**
 * The wire format of every event on {@code exercise.events}: each case has the domain return the event and the
 * service's publisher write it to the outbox, and compares the envelope, byte for byte (the event id aside, which is
 * random), with the JSON in {@code src/test/resources/event-json}. Those files were captured from the code before the
 * events became domain records; fusion-service and the system tests read these bytes, so a difference is a contract
 * change.
 */
@ExtendWith(SoftAssertionsExtension.class)
class ExerciseEventJsonTest {

    static final Instant T0 = Instant.parse("2027-03-01T08:00:00Z");
    static final UUID AGREEMENT = UUID.fromString("9d0e6f1a-0000-4000-8000-000000000001");
    static final UUID EXERCISE = UUID.fromString("c1a2b3c4-0000-4000-8000-000000000002");
    static final UUID REPORT = UUID.fromString("a0a0a0a0-0000-4000-8000-000000000003");
    static final UUID PARTICIPANT = UUID.fromString("b0b0b0b0-0000-4000-8000-000000000004");
    static final String NATO_PLANNER = "https://idp.nato.test/realms/nato|planner-1";
    static final String RUSSIA_PLANNER = "https://idp.russia.test/realms/russia|planner-2";
    static final ExerciseWindow WINDOW = new ExerciseWindow(T0, T0.plusSeconds(6 * 3600));
    static final AfterActionMetrics METRICS = new AfterActionMetrics(List.of(
            new LaunchMetrics(0, true, T0.plusSeconds(100), T0.plusSeconds(112), 12.0, 112.0, "T-7", 3.5, 8.25,
                    850.0, List.of("T-7", "T-9"), 1),
            new LaunchMetrics(1, false, T0.plusSeconds(300), null, null, null, null, null, null, null, List.of(), 0)),
            List.of("F-1"), 5_000);

    @InjectSoftAssertions
    SoftAssertions soft;

    final CapturingOutbox outbox = new CapturingOutbox();
    final ExerciseEventPublisher events = new ExerciseEventPublisher(outbox);

    static Inject mrbm(double offsetS) {
        return new Inject(offsetS, 0.0, 30.0, 0.0, 43.5, MissileClass.MRBM, 4.5);
    }

    static final Actor NATO_ACTOR = new Actor(NATO, NATO_PLANNER, "planner-1");
    static final Actor RUSSIA_ACTOR = new Actor(RUSSIA, RUSSIA_PLANNER, "planner-2");

    static Exercise.Proposed proposed(UUID id) {
        return Exercise.propose(id, NATO, "Shield 27", ExerciseKind.COMPUTER_ASSISTED, WINDOW, List.of(mrbm(60)),
                T0.minusSeconds(30 * 86400));
    }

    @Test
    void theProgrammeEventsOfOneExerciseFromProposalToTheFinalReport() {
        Instant now = T0.minusSeconds(30 * 86400);
        Exercise.Proposed proposed = proposed(EXERCISE);
        Exercise e = proposed.exercise();
        events.publish(proposed.event(), AGREEMENT, NATO_ACTOR, now);
        expect("exercise.proposed");

        now = now.plusSeconds(60);
        events.publish(e.addParticipant(RUSSIA, PARTICIPANT, "Observer One", "observer", now), AGREEMENT,
                RUSSIA_ACTOR, now);
        expect("exercise.roster-changed");

        now = now.plusSeconds(60);
        events.publish(e.changeScenario(NATO, List.of(mrbm(60), mrbm(600)), now), AGREEMENT, NATO_ACTOR, now);
        expect("exercise.scenario-changed");

        now = now.plusSeconds(60);
        events.publish(e.updateDetails(NATO, "Shield 27 (rev)", ExerciseKind.COMMAND_POST, WINDOW, now), AGREEMENT,
                NATO_ACTOR, now);
        expect("exercise.details-updated");

        now = now.plusSeconds(60);
        events.publish(e.approve(RUSSIA, 2, now), AGREEMENT, RUSSIA_ACTOR, now);
        expect("exercise.approved");

        now = now.plusSeconds(60);
        // no change: still approved
        events.publish(e.updateDetails(NATO, "Shield 27 (rev)", ExerciseKind.COMMAND_POST, WINDOW, now), AGREEMENT,
                NATO_ACTOR, now);
        expect("exercise.details-updated--still-approved");

        now = now.plusSeconds(60);
        events.publish(e.removeParticipant(RUSSIA, PARTICIPANT, now), AGREEMENT, RUSSIA_ACTOR, now);
        expect("exercise.roster-changed--approved");

        now = T0.plusSeconds(30);
        ExerciseEvent.Started started = e.start(NATO, now);
        Instant epoch = Instant.parse("2027-03-01T07:58:41.123Z");
        events.publish(started.withRun(new ExerciseEvent.Run(now, epoch, 7.5, epoch.plusSeconds(1300),
                now.plusNanos(160_000_000_123L), List.of("NATO-1", "RUSSIA-1"))), AGREEMENT, NATO_ACTOR, now);
        expect("exercise.started");

        now = T0.plusSeconds(3600);
        events.publish(e.complete(NATO, now), AGREEMENT, NATO_ACTOR, now);
        expect("exercise.completed");

        AfterActionReport.Drafted drafted = AfterActionReport.draft(REPORT, e, METRICS, now);
        AfterActionReport r = drafted.report();
        events.publish(drafted.event(), AGREEMENT, NATO_ACTOR, now);
        expect("exercise.report-computed");

        now = now.plusSeconds(600);
        events.publish(r.recompute(new AfterActionMetrics(METRICS.launches(), List.of(), 5_000), now), AGREEMENT,
                RUSSIA_ACTOR, now);
        expect("exercise.report-computed--revision-2");

        now = now.plusSeconds(600);
        events.publish(r.approve(RUSSIA, 2, now), AGREEMENT, RUSSIA_ACTOR, now);
        expect("exercise.report-approved");

        now = now.plusSeconds(600);
        events.publish(r.approve(NATO, 2, now), AGREEMENT, NATO_ACTOR, now);
        expect("exercise.report-approved--final", "exercise.report-finalised");
    }

    @Test
    void cancelledBeforeAndAfterApproval() {
        Instant now = T0.minusSeconds(86400);
        Exercise e = proposed(EXERCISE).exercise();
        events.publish(e.cancel(RUSSIA, "weather", now), AGREEMENT, RUSSIA_ACTOR, now);
        expect("exercise.cancelled");

        Exercise approved = proposed(EXERCISE).exercise();
        approved.approve(RUSSIA, 1, now.minusSeconds(60));
        events.publish(approved.cancel(NATO, "weather", now), AGREEMENT, NATO_ACTOR, now);
        expect("exercise.cancelled--approved");
    }

    @Test
    void haltedWhenTheAgreementEnds() {
        Instant now = T0.minusSeconds(86400);
        String reason = "agreement " + AGREEMENT + " ended (WITHDRAWN)";
        Exercise e = proposed(EXERCISE).exercise();
        events.publish(e.halt(reason, now).orElseThrow(), AGREEMENT, Actor.SYSTEM, now);
        expect("exercise.halted");

        Exercise running = proposed(EXERCISE).exercise();
        running.approve(RUSSIA, 1, now.minusSeconds(60));
        running.start(NATO, T0);
        events.publish(running.halt(reason, T0.plusSeconds(600)).orElseThrow(), AGREEMENT, Actor.SYSTEM,
                T0.plusSeconds(600));
        expect("exercise.halted--running");
    }

    // ------------------------------------------------------------------ plumbing

    /** The outbox messages written since the last call, each compared with its file (in this order). */
    private void expect(String... names) {
        soft.assertThat(outbox.messages).as("outbox messages").hasSize(names.length);
        for (int i = 0; i < Math.min(names.length, outbox.messages.size()); i++) {
            Message m = outbox.messages.get(i);
            soft.assertThat(m.topic()).isEqualTo("exercise.events");
            String actual = EventSerde.toJson(withFixedId(m.envelope()));
            write(Path.of("target", "event-json", names[i] + ".json"), actual);
            Path golden = Path.of("src", "test", "resources", "event-json", names[i] + ".json");
            soft.assertThat(golden).as("captured wire format of " + names[i]).exists();
            if (Files.exists(golden)) {
                soft.assertThat(actual).as(names[i]).isEqualTo(read(golden).strip());
            }
        }
        outbox.messages.clear();
    }

    static final UUID FIXED_EVENT_ID = UUID.fromString("00000000-0000-4000-8000-000000000000");

    private static EventEnvelope withFixedId(EventEnvelope e) {
        return new EventEnvelope(FIXED_EVENT_ID, e.type(), e.version(), e.occurredAt(), e.producer(), e.party(),
                e.actor(), e.agreementId(), e.subjectId(), e.payload());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, String json) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, json + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Message(String topic, EventEnvelope envelope) {
    }

    /** The outbox without a database: keeps what would have been written. */
    static final class CapturingOutbox extends Outbox {
        final List<Message> messages = new ArrayList<>();

        CapturingOutbox() {
            super(null, null);
        }

        @Override
        public void publish(String topic, EventEnvelope event) {
            messages.add(new Message(topic, event));
        }
    }
}
