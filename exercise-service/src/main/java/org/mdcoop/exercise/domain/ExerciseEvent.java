package org.mdcoop.exercise.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.mdcoop.common.domain.Party;
import org.mdcoop.exercise.domain.aar.AfterActionReport;
import org.mdcoop.exercise.domain.aar.AfterActionStatus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * Events returned by the commands of {@link Exercise} and {@link AfterActionReport}. Each record is one event type:
 * {@link #type()} and {@link #payloadVersion()} are stable (docs/events.md), and the record serialised is the
 * payload on {@code exercise.events}, so its components and their order are the wire format (the annotations say
 * which members are left out when null; fusion-service and the system tests read them).
 */
public sealed interface ExerciseEvent {

    /** The exercise the event is about: the subject and Kafka key, so one exercise's events stay in order. */
    UUID exerciseId();

    String type();

    /** The envelope's {@code version}: of the payload's shape, raised when that changes incompatibly. */
    default int payloadVersion() {
        return 1;
    }

    /** The exercise after the change, as every programme event carries it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ExerciseState(UUID exerciseId, String name, ExerciseKind kind, Party host, Party approvedBy,
            Instant windowStart, Instant windowEnd, ExerciseStatus status, int scenarioVersion,
            Integer approvedScenarioVersion) {

        static ExerciseState of(Exercise e) {
            return new ExerciseState(e.id(), e.name(), e.kind(), e.host(), e.approvedBy(), e.window().start(),
                    e.window().end(), e.status(), e.scenario().version(), e.approvedScenarioVersion());
        }
    }

    /** An event of the programme (proposal to halt): the exercise as it is after the command. */
    sealed interface ProgrammeEvent extends ExerciseEvent {

        ExerciseState exercise();

        @Override
        default UUID exerciseId() {
            return exercise().exerciseId();
        }
    }

    record Proposed(@JsonUnwrapped ExerciseState exercise) implements ProgrammeEvent {
        public String type() {
            return "exercise.proposed";
        }
    }

    /** Name, kind or window set by the host; a change withdraws an approval (the status says so). */
    record DetailsUpdated(@JsonUnwrapped ExerciseState exercise) implements ProgrammeEvent {
        public String type() {
            return "exercise.details-updated";
        }
    }

    /** New injects: the next scenario version, back to PROPOSED. */
    record ScenarioChanged(@JsonUnwrapped ExerciseState exercise) implements ProgrammeEvent {
        public String type() {
            return "exercise.scenario-changed";
        }
    }

    record Approved(@JsonUnwrapped ExerciseState exercise) implements ProgrammeEvent {
        public String type() {
            return "exercise.approved";
        }
    }

    /**
     * The host started the exercise. {@code run} is how the fusion centre will see the run; the service lays it out
     * (pacing is configuration, the sensors are stored beside the exercise) and adds it with {@link #withRun}.
     */
    record Started(@JsonUnwrapped ExerciseState exercise, Run run) implements ProgrammeEvent {
        public String type() {
            return "exercise.started";
        }

        public Started withRun(Run laidOut) {
            return new Started(exercise, laidOut);
        }
    }

    /** A run's reports carry {@code exercise=true} and the exercise id; they are published from epoch to wallEnd. */
    record Run(Instant startedAt, Instant epoch, double pacingFactor, Instant scenarioEnd, Instant wallEnd,
            List<String> sensorIds) {
        public Run {
            sensorIds = List.copyOf(sensorIds);
        }
    }

    record Completed(@JsonUnwrapped ExerciseState exercise) implements ProgrammeEvent {
        public String type() {
            return "exercise.completed";
        }
    }

    /** Cancelled by either party before the start (the reason is kept on the exercise, not published). */
    record Cancelled(@JsonUnwrapped ExerciseState exercise) implements ProgrammeEvent {
        public String type() {
            return "exercise.cancelled";
        }
    }

    /** The agreement ended (system): {@code reason} names it. */
    record Halted(@JsonUnwrapped ExerciseState exercise, String reason) implements ProgrammeEvent {
        public String type() {
            return "exercise.halted";
        }
    }

    /** A party added a participant to, or removed one from, its roster (the payload has no roster). */
    record RosterChanged(@JsonUnwrapped ExerciseState exercise) implements ProgrammeEvent {
        public String type() {
            return "exercise.roster-changed";
        }
    }

    /** The after-action report's summary after the change, as every report event carries it. */
    record ReportState(UUID exerciseId, UUID reportId, AfterActionStatus status, int revision, int launches,
            int detectedLaunches, int falseTracks, int totalTrackBreaks, List<Party> approvedBy) {

        public static ReportState of(AfterActionReport r) {
            return new ReportState(r.exerciseId(), r.id(), r.status(), r.revision(), r.metrics().launches().size(),
                    r.metrics().detectedLaunches(), r.metrics().falseTracks(), r.metrics().totalTrackBreaks(),
                    r.approvals().keySet().stream().sorted().toList());
        }
    }

    /** An event of the after-action report. */
    sealed interface ReportEvent extends ExerciseEvent {

        ReportState report();

        @Override
        default UUID exerciseId() {
            return report().exerciseId();
        }
    }

    /** A first draft, or the next revision of a draft (approvals cleared). */
    record ReportComputed(@JsonUnwrapped ReportState report) implements ReportEvent {
        public String type() {
            return "exercise.report-computed";
        }
    }

    /** One party approved the current revision; the second approval is followed by {@link ReportFinalised}. */
    record ReportApproved(@JsonUnwrapped ReportState report) implements ReportEvent {
        public String type() {
            return "exercise.report-approved";
        }
    }

    record ReportFinalised(@JsonUnwrapped ReportState report) implements ReportEvent {
        public String type() {
            return "exercise.report-finalised";
        }
    }
}
