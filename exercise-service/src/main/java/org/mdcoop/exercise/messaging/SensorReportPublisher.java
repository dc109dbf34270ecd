package org.mdcoop.exercise.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.mdcoop.common.cooperation.CooperationView;
import org.mdcoop.common.messaging.ReliableProducer;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.SensorReportMessage;
import org.mdcoop.exercise.domain.Exercise;
import org.mdcoop.exercise.domain.report.DeclaredSensor;
import org.mdcoop.exercise.domain.report.ReportStream;
import org.mdcoop.exercise.domain.report.ScenarioRun;
import org.mdcoop.exercise.domain.report.SensorReport;
import org.mdcoop.exercise.domain.report.SyntheticReport;
import org.mdcoop.exercise.persistence.ExerciseRow;
import org.mdcoop.exercise.persistence.ExerciseRunRow;
import org.mdcoop.common.persistence.StateJson;
import org.mdcoop.common.tracing.MessageTraces;
import org.mdcoop.common.tracing.Traceparent;
import org.mdcoop.exercise.service.ExerciseConfig;
import org.mdcoop.exercise.service.SensorSpec;

import com.fasterxml.jackson.core.type.TypeReference;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes the synthetic sensor reports of RUNNING exercises to {@code fusion.sensor-reports}, paced by the run's
 * factor: every pass takes, per unfinished run, the reports due up to the current scenario time and sends them with a
 * direct Kafka producer ({@code acks=all}, idempotent).
 *
 * <p>Why not the outbox: a run produces thousands of reports that are fully determined by the stored run (scenario,
 * epoch, sensors, seed), so they need no second copy in the database; the run row's {@code publishedUntil} is the
 * only state, advanced in the same transaction only after the broker acknowledged the batch. A crash between the ack
 * and the commit re-sends that batch with the same report ids and event ids (derived from the report id), which the
 * fusion centre absorbs as duplicates: the same at-least-once guarantee as the outbox, at a fraction of the writes.
 * Each batch is sent in a span below the start's trace (the run row keeps its traceparent), named in every record's
 * {@code traceparent} header, as the outbox relay does for events.
 *
 * <p>Stopping: each batch runs in a transaction that first takes a share lock on the exercise row and checks that it
 * is still RUNNING. Completing or halting an exercise updates that row, so it waits for a batch in flight, and no
 * batch starts after it committed. The run row is locked with {@code SKIP LOCKED}, so several instances never
 * publish one run twice.
 *
 * <p>Pausing: while the agreement is in force but this service has not heard the agreement-service's heartbeat
 * (cooperation suspended, see common's {@code CooperationView}), no batch is sent; the run resumes where it stopped
 * when the heartbeat returns, sending what came due meanwhile, or halts if a withdrawal arrives instead.
 */
@ApplicationScoped
public class SensorReportPublisher {

    private static final TypeReference<List<SensorSpec>> SENSORS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final Clock clock;
    private final ExerciseConfig config;
    private final Map<UUID, Cursor> cursors = new ConcurrentHashMap<>();
    private final ReliableProducer producer;
    private final MessageTraces traces;
    private final CooperationView cooperation;
    private final Set<UUID> paused = ConcurrentHashMap.newKeySet();
    /** Runs whose exercise events had all left the outbox, with when (System.nanoTime) that was first seen. */
    private final Map<UUID, Long> announced = new ConcurrentHashMap<>();

    /** A run's report stream positioned after {@code position} (the scenario time of the last sent report). */
    private record Cursor(ReportStream stream, Instant position, int scenarioVersion) {
    }

    public SensorReportPublisher(EntityManager entityManager, Clock clock, ExerciseConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, CooperationView cooperation,
            MessageTraces traces) {
        this.entityManager = entityManager;
        this.traces = traces;
        this.cooperation = cooperation;
        this.clock = clock;
        this.config = config;
        this.producer = new ReliableProducer(kafkaConfig, "exercise-report-publisher",
                Map.of(ProducerConfig.LINGER_MS_CONFIG, 5));
    }

    /** Refuses to start with a pacing factor that would publish reports ahead of their time. */
    void checkPacing(@Observes StartupEvent startup) {
        double f = config.pacingFactor();
        if (!(f >= 1.0) || Double.isInfinite(f)) {
            throw new IllegalStateException("mdcoop.exercise.pacing-factor must be a finite number >= 1, not " + f);
        }
    }

    @Scheduled(every = "${mdcoop.exercise.publish-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void publishDue() {
        List<UUID> active;
        try {
            active = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                    "select r.exerciseId from ExerciseRunRow r where r.finishedAt is null order by r.startedAt",
                    UUID.class).getResultList());
        } catch (RuntimeException e) {
            Log.warnf("report publisher cannot read the active runs: %s", e.getMessage());
            return;
        }
        cursors.keySet().retainAll(active);
        announced.keySet().retainAll(active);
        for (UUID exerciseId : active) {
            try {
                QuarkusTransaction.requiringNew().run(() -> publishBatch(exerciseId));
            } catch (RuntimeException e) {
                cursors.remove(exerciseId); // the stream moved on; rebuild it from the stored position
                Log.warnf("reports of exercise %s not published, will retry: %s", exerciseId, e.getMessage());
            }
        }
    }

    /** One batch of one run, in the caller's transaction. */
    void publishBatch(UUID exerciseId) {
        @SuppressWarnings("unchecked")
        List<ExerciseRunRow> runs = entityManager.createNativeQuery("select * from exercise_run where exercise_id = "
                + ":id and finished_at is null for update skip locked", ExerciseRunRow.class)
                .setParameter("id", exerciseId).getResultList();
        if (runs.isEmpty()) {
            return; // finished, or another instance is publishing it right now
        }
        ExerciseRunRow run = runs.get(0);
        @SuppressWarnings("unchecked")
        List<ExerciseRow> exercises = entityManager.createNativeQuery(
                "select * from exercise where id = :id for share", ExerciseRow.class)
                .setParameter("id", exerciseId).getResultList();
        Instant now = clock.instant();
        ExerciseRow exercise = exercises.get(0);
        if (!"RUNNING".equals(exercise.status)) {
            finish(run, now, "exercise " + exercise.status);
            return;
        }
        if (cooperation.isSuspended(exercise.agreementId)) {
            if (paused.add(exerciseId)) {
                Log.warnf("exercise %s paused: agreement %s not heard of from the agreement-service", exerciseId,
                        exercise.agreementId);
            }
            return;
        }
        if (paused.remove(exerciseId)) {
            Log.infof("exercise %s resumed: agreement %s heard of again", exerciseId, exercise.agreementId);
        }
        if (run.publishedUntil == null && !announced(exerciseId)) {
            return; // the fusion centre must know the exercise runs before its first report arrives
        }
        Cursor cursor = cursors.get(exerciseId);
        if (cursor == null || !java.util.Objects.equals(cursor.position(), run.publishedUntil)
                || cursor.scenarioVersion() != run.scenarioVersion) {
            cursor = open(exercise, run);
        }
        ReportStream stream = cursor.stream();
        Instant due = run.scenarioTimeAt(now);
        List<SyntheticReport> batch = new ArrayList<>();
        while (true) {
            Optional<Instant> next = stream.nextDueTime();
            if (next.isEmpty() || next.get().isAfter(due)) {
                break;
            }
            // never split one scan time across batches: resuming skips by time
            if (batch.size() >= config.maxBatch()
                    && !next.get().equals(batch.get(batch.size() - 1).report().t())) {
                break;
            }
            batch.add(stream.next());
        }
        if (!batch.isEmpty()) {
            send(batch, exercise, run, now);
            run.publishedUntil = batch.get(batch.size() - 1).report().t();
            run.reportsPublished += batch.size();
        }
        cursors.put(exerciseId, new Cursor(stream, run.publishedUntil, run.scenarioVersion));
        if (stream.nextDueTime().isEmpty()) {
            finish(run, now, "all reports published");
        }
    }

    /**
     * Whether the exercise's start has reached the broker (no event of the exercise is still in the outbox) and the
     * settle time has passed since: the fusion centre refuses reports of an exercise it has not heard is RUNNING.
     */
    private boolean announced(UUID exerciseId) {
        Long since = announced.get(exerciseId);
        if (since == null) {
            Number unsent = (Number) entityManager.createNativeQuery(
                    "select count(*) from outbox where topic = :topic and message_key = :key and sent_at is null")
                    .setParameter("topic", ExerciseEventPublisher.TOPIC).setParameter("key", exerciseId.toString())
                    .getSingleResult();
            if (unsent.longValue() > 0) {
                return false;
            }
            since = System.nanoTime();
            announced.put(exerciseId, since);
        }
        return System.nanoTime() - since >= config.streamOpenSettle().toNanos();
    }

    private Cursor open(ExerciseRow exercise, ExerciseRunRow run) {
        Exercise e = Exercise.restore(StateJson.read(exercise.state, Exercise.Snapshot.class));
        List<DeclaredSensor> sensors = StateJson.read(exercise.sensors, SENSORS).stream()
                .map(SensorSpec::toDeclared).toList();
        ReportStream stream = ScenarioRun.plan(e.id(), run.epoch, e.scenario()).reports(sensors, run.seed);
        if (run.publishedUntil != null) {
            stream.skipUntil(run.publishedUntil.plusNanos(1));
        }
        return new Cursor(stream, run.publishedUntil, run.scenarioVersion);
    }

    private void finish(ExerciseRunRow run, Instant now, String reason) {
        run.finishedAt = now;
        run.finishReason = reason;
        cursors.remove(run.exerciseId);
        Log.infof("exercise %s: report publication finished after %d reports (%s)", run.exerciseId,
                run.reportsPublished, reason);
    }

    private void send(List<SyntheticReport> batch, ExerciseRow exercise, ExerciseRunRow run, Instant now) {
        // one span per batch, below the start's trace: the fusion centre continues it into the fused tracks
        Span span = traces.start("exercise reports send", SpanKind.PRODUCER, run.traceparent);
        try {
            span.setAttribute("messaging.destination.name", config.sensorReportsTopic());
            span.setAttribute("messaging.batch.message_count", batch.size());
            sendInSpan(batch, exercise, now, Traceparent.of(span));
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getMessage());
            throw e;
        } finally {
            span.end();
        }
    }

    private void sendInSpan(List<SyntheticReport> batch, ExerciseRow exercise, Instant now, String traceparent) {
        KafkaProducer<String, String> kafka = producer.get();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (SyntheticReport synthetic : batch) {
            SensorReport r = synthetic.report();
            SensorReportMessage payload = new SensorReportMessage(r.reportId(), r.sensorId(), r.party(), r.t(),
                    r.x(), r.y(), r.z(), r.sigma(), null, null, null, null, true, exercise.id);
            EventEnvelope envelope = new EventEnvelope(
                    UUID.nameUUIDFromBytes(r.reportId().getBytes(StandardCharsets.UTF_8)), SensorReportMessage.TYPE,
                    SensorReportMessage.VERSION, now, ExerciseEventPublisher.PRODUCER, r.party(),
                    EventEnvelope.SYSTEM_ACTOR, exercise.agreementId, r.sensorId(), EventSerde.payloadOf(payload));
            // keyed by stream: the fusion instance that owns the exercise's stream reads all of its reports
            ProducerRecord<String, String> record = new ProducerRecord<>(config.sensorReportsTopic(),
                    SensorReportMessage.streamOf(exercise.id), EventSerde.toJson(envelope));
            Traceparent.addTo(record.headers(), traceparent);
            acks.add(kafka.send(record));
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the broker", e);
            } catch (Exception e) {
                throw new IllegalStateException("broker did not acknowledge the batch: " + e.getMessage(), e);
            }
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
