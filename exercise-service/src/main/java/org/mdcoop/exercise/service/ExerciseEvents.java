package org.mdcoop.exercise.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.outbox.Outbox;
import org.mdcoop.exercise.domain.Exercise;
import org.mdcoop.exercise.domain.ExerciseKind;
import org.mdcoop.exercise.domain.ExerciseStatus;
import org.mdcoop.exercise.domain.aar.AfterActionReport;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Writes the exercise domain events to the outbox (topic {@value #TOPIC}, keyed by exercise id), inside the business
 * transaction. Every payload is version 1 of {@link ExercisePayload} or {@link ReportPayload}.
 */
@ApplicationScoped
public class ExerciseEvents {

    public static final String TOPIC = "exercise.events";
    public static final String PRODUCER = "exercise";

    public static final String PROPOSED = "exercise.proposed";
    public static final String DETAILS_UPDATED = "exercise.details-updated";
    public static final String SCENARIO_CHANGED = "exercise.scenario-changed";
    public static final String APPROVED = "exercise.approved";
    public static final String STARTED = "exercise.started";
    public static final String COMPLETED = "exercise.completed";
    public static final String CANCELLED = "exercise.cancelled";
    public static final String HALTED = "exercise.halted";
    public static final String ROSTER_CHANGED = "exercise.roster-changed";
    public static final String REPORT_COMPUTED = "exercise.report-computed";
    public static final String REPORT_APPROVED = "exercise.report-approved";
    public static final String REPORT_FINALISED = "exercise.report-finalised";

    /** The exercise after the change. {@code run} only on {@code exercise.started}; {@code approvedBy} once approved. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExercisePayload(UUID exerciseId, String name, ExerciseKind kind, Party host, Party approvedBy,
            Instant windowStart, Instant windowEnd, ExerciseStatus status, int scenarioVersion, Integer approvedScenarioVersion,
            String reason, RunPayload run) {
    }

    /** How the fusion centre will see the run: its reports carry {@code exercise=true} and this exercise id. */
    public record RunPayload(Instant startedAt, Instant epoch, double pacingFactor, Instant scenarioEnd,
            Instant wallEnd, List<String> sensorIds) {
    }

    public record ReportPayload(UUID exerciseId, UUID reportId, String status, int revision, int launches,
            int detectedLaunches, int falseTracks, int totalTrackBreaks, List<Party> approvedBy) {
    }

    private final Outbox outbox;

    public ExerciseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void exercise(String type, Exercise e, UUID agreementId, Party party, String actor, Instant now,
            String reason, RunPayload run) {
        ExercisePayload payload = new ExercisePayload(e.id(), e.name(), e.kind(), e.host(), e.approvedBy(), e.window().start(),
                e.window().end(), e.status(), e.scenario().version(), e.approvedScenarioVersion(), reason, run);
        outbox.publish(TOPIC, EventSerde.envelope(type, 1, now, PRODUCER, party, actor, agreementId,
                e.id().toString(), payload));
    }

    public void report(String type, AfterActionReport r, UUID agreementId, Party party, String actor, Instant now) {
        ReportPayload payload = new ReportPayload(r.exerciseId(), r.id(), r.status().name(), r.revision(),
                r.metrics().launches().size(), r.metrics().detectedLaunches(), r.metrics().falseTracks(),
                r.metrics().totalTrackBreaks(), r.approvals().keySet().stream().sorted().toList());
        outbox.publish(TOPIC, EventSerde.envelope(type, 1, now, PRODUCER, party, actor, agreementId,
                r.exerciseId().toString(), payload));
    }
}
