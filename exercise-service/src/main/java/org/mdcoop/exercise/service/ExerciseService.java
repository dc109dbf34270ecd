package org.mdcoop.exercise.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Optional;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.mdcoop.common.cooperation.AgreementViewRow;
import org.mdcoop.common.cooperation.CooperationChanged;
import org.mdcoop.common.tracing.Traceparent;
import org.mdcoop.common.cooperation.CooperationView;
import org.mdcoop.common.api.Paging;
import org.mdcoop.common.api.Paging.Page;
import org.mdcoop.common.domain.NotFound;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.common.domain.ValidationFailed.FieldError;
import org.mdcoop.exercise.domain.Exercise;
import org.mdcoop.exercise.domain.ExerciseEvent;
import org.mdcoop.exercise.domain.ExerciseCalendar;
import org.mdcoop.exercise.domain.ExerciseKind;
import org.mdcoop.exercise.domain.ExerciseOverlap;
import org.mdcoop.exercise.domain.ExerciseStatus;
import org.mdcoop.exercise.domain.ExerciseWindow;
import org.mdcoop.exercise.domain.Participant;
import org.mdcoop.exercise.domain.report.ScenarioRun;
import org.mdcoop.exercise.domain.scenario.Inject;
import org.mdcoop.exercise.messaging.ExerciseEventPublisher;
import org.mdcoop.exercise.persistence.ExerciseRow;
import org.mdcoop.exercise.persistence.ExerciseRunRow;
import org.mdcoop.exercise.persistence.GroundTruthStore;
import org.mdcoop.common.persistence.StateJson;
import org.mdcoop.exercise.persistence.TrackStore;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.logging.Log;

/**
 * Exercise programme use cases: each command is one transaction that loads the aggregate, applies the domain rule,
 * stores the new state (optimistic lock) and hands the event the rule returned to the outbox
 * ({@link ExerciseEventPublisher}). Programme commands need an agreement covering {@value #ELEMENT} in force; the end
 * of the agreement an exercise was proposed under halts it.
 */
@ApplicationScoped
public class ExerciseService {

    public static final String ELEMENT = "JOINT_EXERCISES";
    private static final TypeReference<List<SensorSpec>> SENSORS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final Clock clock;
    private final CooperationView cooperation;
    private final ExerciseEventPublisher events;
    private final GroundTruthStore groundTruth;
    private final TrackStore tracks;
    private final AfterActionService reports;
    private final ExerciseConfig config;

    public ExerciseService(EntityManager entityManager, Clock clock, CooperationView cooperation,
            ExerciseEventPublisher events, GroundTruthStore groundTruth, TrackStore tracks, AfterActionService reports,
            ExerciseConfig config) {
        if (!(config.pacingFactor() >= 1.0) || Double.isInfinite(config.pacingFactor())) {
            throw new IllegalStateException("mdcoop.exercise.pacing-factor must be a finite number >= 1");
        }
        this.entityManager = entityManager;
        this.clock = clock;
        this.cooperation = cooperation;
        this.events = events;
        this.groundTruth = groundTruth;
        this.tracks = tracks;
        this.reports = reports;
        this.config = config;
    }

    /** What a planner proposes; {@code sensors} null means {@link DefaultSensors#SET}. */
    public record Proposal(String name, ExerciseKind kind, ExerciseWindow window, List<Inject> injects,
            List<SensorSpec> sensors) {
    }

    // ------------------------------------------------------------------ reads

    @Transactional
    public List<ExerciseView> list(Party viewer, ExerciseStatus status, Party host) {
        return listQuery(status, host, null).getResultStream().map(row -> view(row, load(row), viewer)).toList();
    }

    /**
     * {@link #list} by pages of {@code limit} in the same order, after {@code cursor} (null: the first page). Both
     * parties read every exercise, so there is nothing to hide.
     */
    @Transactional
    public Page<ExerciseView> page(Party viewer, ExerciseStatus status, Party host, int limit, String cursor) {
        SortKey after = Paging.after(cursor, 3,
                parts -> new SortKey(Instant.parse(parts[0]), UUID.fromString(parts[1]), parts[2]));
        List<ExerciseRow> rows = listQuery(status, host, after).setMaxResults(limit + 1).getResultList();
        return Paging.of(rows, limit, row -> Paging.cursor(row.windowStart, row.id, row.name),
                row -> view(row, load(row), viewer));
    }

    /** A row's place in the list order (window start, name, id, newest first), as a cursor carries it; the name last (any text). */
    private record SortKey(Instant windowStart, UUID id, String name) {
    }

    private TypedQuery<ExerciseRow> listQuery(ExerciseStatus status, Party host, SortKey after) {
        StringBuilder q = new StringBuilder("from ExerciseRow where 1 = 1");
        if (status != null) {
            q.append(" and status = :status");
        }
        if (host != null) {
            q.append(" and host = :host");
        }
        if (after != null) {
            q.append(" and (windowStart < :afterStart or (windowStart = :afterStart and (name < :afterName"
                    + " or (name = :afterName and id < :afterId))))");
        }
        // newest window first: what is coming and running is on the first page, however many exercises went before;
        // the id last: two exercises may share a start and a name, and a cursor needs a total order
        q.append(" order by windowStart desc, name desc, id desc");
        var query = entityManager.createQuery(q.toString(), ExerciseRow.class);
        if (status != null) {
            query.setParameter("status", status.name());
        }
        if (host != null) {
            query.setParameter("host", host.name());
        }
        if (after != null) {
            query.setParameter("afterStart", after.windowStart()).setParameter("afterName", after.name())
                    .setParameter("afterId", after.id());
        }
        return query;
    }

    @Transactional
    public ExerciseView get(UUID id, Party viewer) {
        ExerciseRow row = row(id, LockModeType.NONE);
        return view(row, load(row), viewer);
    }

    @Transactional
    public ScenarioView scenario(UUID id) {
        ExerciseRow row = row(id, LockModeType.NONE);
        Exercise e = load(row);
        return new ScenarioView(e.id(), e.status(), e.scenario().version(), e.approvedScenarioVersion(),
                e.scenario().injects(), sensors(row));
    }

    @Transactional
    public List<Participant> participants(UUID id) {
        return load(row(id, LockModeType.NONE)).participants();
    }

    @Transactional
    public CalendarView calendar(int year) {
        Instant from = java.time.LocalDate.of(year, 1, 1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        Instant to = java.time.LocalDate.of(year + 1, 1, 1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        List<Exercise> exercises = entityManager.createQuery(
                "from ExerciseRow where windowStart < :to and windowEnd > :from", ExerciseRow.class)
                .setParameter("from", from).setParameter("to", to)
                .getResultStream().map(this::load).toList();
        List<ExerciseCalendar.Entry> entries = ExerciseCalendar.year(exercises, year);
        return new CalendarView(year, entries, ExerciseCalendar.hostSequence(entries),
                ExerciseCalendar.hostCounts(entries));
    }

    // ------------------------------------------------------------------ commands

    @Transactional
    public ExerciseView propose(Actor actor, Proposal p) {
        Instant now = clock.instant();
        List<FieldError> sensorErrors = SensorSpec.validate(p.sensors(), "sensors");
        Exercise.Proposed proposed;
        try {
            proposed = Exercise.propose(UUID.randomUUID(), actor.party(), p.name(), p.kind(), p.window(),
                    p.injects(), now);
        } catch (ValidationFailed e) {
            List<FieldError> all = new ArrayList<>(e.errors());
            all.addAll(sensorErrors);
            throw new ValidationFailed(all);
        }
        if (!sensorErrors.isEmpty()) {
            throw new ValidationFailed(sensorErrors);
        }
        Exercise exercise = proposed.exercise();
        AgreementViewRow agreement = cooperation.requireInForce(ELEMENT, "propose an exercise");
        checkOverlap(exercise.id(), exercise.host(), exercise.window());
        ExerciseRow row = new ExerciseRow();
        row.id = exercise.id();
        row.agreementId = agreement.agreementId;
        row.proposedAt = now;
        row.sensors = StateJson.write(p.sensors() == null ? DefaultSensors.SET : p.sensors());
        write(row, exercise, now);
        entityManager.persist(row);
        events.publish(proposed.event(), row.agreementId, actor, now);
        entityManager.flush();
        return view(row, exercise, actor.party());
    }

    @Transactional
    public ExerciseView updateDetails(Actor actor, UUID id, String name, ExerciseKind kind, ExerciseWindow window) {
        return command(actor, id, "update an exercise", (row, e) -> {
            ExerciseEvent event = e.updateDetails(actor.party(), name, kind, window, clock.instant());
            checkOverlap(e.id(), e.host(), e.window());
            return event;
        });
    }

    @Transactional
    public ExerciseView changeScenario(Actor actor, UUID id, List<Inject> injects, List<SensorSpec> sensors) {
        List<FieldError> sensorErrors = SensorSpec.validate(sensors, "sensors");
        return command(actor, id, "change a scenario", (row, e) -> {
            ExerciseEvent event;
            try {
                event = e.changeScenario(actor.party(), injects, clock.instant());
            } catch (ValidationFailed v) {
                List<FieldError> all = new ArrayList<>(v.errors());
                all.addAll(sensorErrors);
                throw new ValidationFailed(all);
            }
            if (!sensorErrors.isEmpty()) {
                throw new ValidationFailed(sensorErrors);
            }
            if (sensors != null) {
                row.sensors = StateJson.write(sensors);
            }
            return event;
        });
    }

    @Transactional
    public ExerciseView approve(Actor actor, UUID id, int scenarioVersion) {
        return command(actor, id, "approve an exercise",
                (row, e) -> e.approve(actor.party(), scenarioVersion, clock.instant()));
    }

    @Transactional
    public ExerciseView cancel(Actor actor, UUID id, String reason) {
        return command(actor, id, null,
                (row, e) -> e.cancel(actor.party(), reason, clock.instant()));
    }

    /**
     * The host starts the exercise: the run is laid out (epoch and effective pacing factor from {@link Pacing}, so no
     * report is ever ahead of its publication nor older than the fusion centre accepts), the ground truth is stored,
     * and the publisher begins at once.
     */
    @Transactional
    public ExerciseView start(Actor actor, UUID id) {
        ExerciseRow row = row(id, LockModeType.NONE);
        Exercise e = load(row);
        Instant now = clock.instant();
        ExerciseEvent.Started started = e.start(actor.party(), now);
        cooperation.requireInForce(ELEMENT, "start an exercise");
        ScenarioRun atStart = ScenarioRun.plan(e.id(), now, e.scenario());
        Duration d = Duration.between(now, atStart.endTime());
        Instant firstReport = atStart.launches().stream().map(l -> l.burnoutTime()).min(Instant::compareTo)
                .orElse(now);
        double factor = Pacing.effectiveFactor(config.pacingFactor(), Duration.between(firstReport,
                atStart.endTime()), config.maxReportAge());
        if (factor < config.pacingFactor()) {
            Log.infof("exercise %s plays at x%.2f instead of x%s so that no report is older than %s when published",
                    e.id(), factor, config.pacingFactor(), config.maxReportAge());
        }
        Instant epoch = Pacing.epochFor(now, d, factor);
        ScenarioRun run = ScenarioRun.plan(e.id(), epoch, e.scenario());
        ExerciseRunRow r = new ExerciseRunRow();
        r.exerciseId = e.id();
        r.startedAt = now;
        r.epoch = epoch;
        r.pacingFactor = factor;
        r.scenarioEnd = run.endTime();
        r.wallEnd = now.plusNanos(Math.round(Duration.between(epoch, run.endTime()).toNanos() / factor));
        r.seed = ScenarioRun.seedFor(e.id());
        r.scenarioVersion = e.scenario().version();
        r.traceparent = Traceparent.current();
        entityManager.persist(r);
        int samples = groundTruth.save(e.id(), run, config.groundTruthStep());
        write(row, e, now);
        List<String> sensorIds = sensors(row).stream().map(SensorSpec::sensorId).toList();
        events.publish(started.withRun(new ExerciseEvent.Run(now, epoch, factor, r.scenarioEnd, r.wallEnd,
                sensorIds)), row.agreementId, actor, now);
        entityManager.flush();
        Log.infof("exercise %s started: epoch %s, pacing x%s, scenario %s long, %d ground-truth samples", e.id(),
                epoch, factor, d, samples);
        return view(row, e, actor.party());
    }

    /** The host completes the exercise: publishing stops and the first draft of the after-action report is made. */
    @Transactional
    public ExerciseView complete(Actor actor, UUID id) {
        ExerciseRow row = row(id, LockModeType.NONE);
        Exercise e = load(row);
        Instant now = clock.instant();
        ExerciseEvent completed = e.complete(actor.party(), now);
        write(row, e, now);
        events.publish(completed, row.agreementId, actor, now);
        entityManager.flush();
        reports.computeFor(actor, e, row.agreementId, now);
        return view(row, e, actor.party());
    }

    @Transactional
    public Participant addParticipant(Actor actor, UUID id, String name, String role) {
        UUID participantId = UUID.randomUUID();
        ExerciseView changed = command(actor, id, "change a roster",
                (row, e) -> e.addParticipant(actor.party(), participantId, name, role, clock.instant()));
        return changed.participants().stream().filter(p -> p.id().equals(participantId)).findFirst()
                .orElseThrow();
    }

    @Transactional
    public void removeParticipant(Actor actor, UUID id, UUID participantId) {
        command(actor, id, "change a roster",
                (row, e) -> e.removeParticipant(actor.party(), participantId, clock.instant()));
    }

    /**
     * The agreement an exercise was proposed under has ended (withdrawn or expired), or its joint exercises alone were
     * stopped or removed while it stays in force: every PROPOSED, APPROVED and
     * RUNNING exercise under it is HALTED in the same transaction that records the end. The rows are locked first,
     * so a report batch being published finishes before the halt commits and none starts after it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onCooperationChanged(@Observes CooperationChanged change) {
        // the agreement ended, or a party stopped the joint exercises alone (issue 16) while the rest continues
        if (!change.ended() && !change.closes(ELEMENT)) {
            return;
        }
        List<ExerciseRow> rows = entityManager.createQuery("from ExerciseRow where agreementId = :agreement "
                + "and status in ('PROPOSED', 'APPROVED', 'RUNNING') order by id", ExerciseRow.class)
                .setParameter("agreement", change.agreementId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        Instant now = clock.instant();
        String reason = change.ended() ? "agreement " + change.agreementId() + " ended (" + change.status() + ")"
                : ELEMENT + " stopped under agreement " + change.agreementId() + " (" + change.status() + ")";
        for (ExerciseRow row : rows) {
            Exercise e = load(row);
            Optional<ExerciseEvent.Halted> halted = e.halt(reason, now);
            if (halted.isPresent()) {
                write(row, e, now);
                events.publish(halted.get(), row.agreementId, Actor.SYSTEM, now);
                Log.infof("exercise %s halted: %s", e.id(), reason);
            }
        }
    }

    // ------------------------------------------------------------------ plumbing

    /** Applies {@code command} (which returns the event of its domain rule), stores the exercise and publishes. */
    private ExerciseView command(Actor actor, UUID id, String cooperationAction,
            BiFunction<ExerciseRow, Exercise, ExerciseEvent> command) {
        ExerciseRow row = row(id, LockModeType.NONE);
        Exercise e = load(row);
        ExerciseEvent event = command.apply(row, e);
        if (cooperationAction != null) {
            cooperation.requireInForce(ELEMENT, cooperationAction);
        }
        Instant now = clock.instant();
        write(row, e, now);
        events.publish(event, row.agreementId, actor, now);
        entityManager.flush();
        return view(row, e, actor.party());
    }

    /** No two exercises of one host overlap; serialised per host so two concurrent proposals cannot both pass. */
    private void checkOverlap(UUID candidate, Party host, ExerciseWindow window) {
        entityManager.createNativeQuery("select 1 from (select pg_advisory_xact_lock(:key)) lock")
                .setParameter("key", 0x6578_0000L + host.ordinal()).getSingleResult();
        List<Exercise> sameHost = entityManager.createQuery("from ExerciseRow where host = :host "
                + "and status not in ('CANCELLED', 'HALTED') and windowStart < :end and windowEnd > :start",
                ExerciseRow.class)
                .setParameter("host", host.name()).setParameter("start", window.start())
                .setParameter("end", window.end())
                .getResultStream().map(this::load).toList();
        ExerciseOverlap.check(candidate, host, window, sameHost);
    }

    ExerciseRow row(UUID id, LockModeType lock) {
        ExerciseRow row = entityManager.find(ExerciseRow.class, id, lock);
        if (row == null) {
            throw new NotFound("exercise " + id + " not found");
        }
        return row;
    }

    Exercise load(ExerciseRow row) {
        return Exercise.restore(StateJson.read(row.state, Exercise.Snapshot.class));
    }

    static List<SensorSpec> sensors(ExerciseRow row) {
        return StateJson.read(row.sensors, SENSORS);
    }

    private static void write(ExerciseRow row, Exercise e, Instant now) {
        row.host = e.host().name();
        row.status = e.status().name();
        row.name = e.name();
        row.windowStart = e.window().start();
        row.windowEnd = e.window().end();
        row.state = StateJson.write(e.snapshot());
        row.updatedAt = now;
    }

    private ExerciseView view(ExerciseRow row, Exercise e, Party viewer) {
        ExerciseRunRow r = entityManager.find(ExerciseRunRow.class, row.id);
        ExerciseView.RunView run = r == null ? null
                : new ExerciseView.RunView(r.startedAt, r.epoch, r.pacingFactor, r.scenarioEnd, r.wallEnd,
                        r.scenarioVersion, r.publishedUntil, r.reportsPublished, r.finishedAt, r.finishReason,
                        tracks.count(row.id));
        return ExerciseView.of(e, viewer, row.agreementId, run, row.version);
    }
}
