package org.mdcoop.fusion.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.mdcoop.common.cooperation.AgreementViewRow;
import org.mdcoop.common.cooperation.CooperationView;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.PoisonMessageException;
import org.mdcoop.common.events.SensorReportMessage;
import org.mdcoop.fusion.domain.PolarReports;
import org.mdcoop.fusion.domain.RadarSite;
import org.mdcoop.fusion.domain.Report;
import org.mdcoop.fusion.domain.ReportRules;
import org.mdcoop.fusion.persistence.ReportArchive;
import org.mdcoop.fusion.persistence.ReportStore;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.outbox.Outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Report ingest, from REST batches and from Kafka: validate, drop what was seen before, and hand the rest to the
 * tracker. A REST batch is archived in its request's transaction (the database is its only record) and fused after
 * the commit; a Kafka report goes to the tracker at once and to the archive beside it (the topic is its record).
 * On Kafka the report's party is the registered owner of its sensor; the payload's party is only checked against it.
 */
@ApplicationScoped
public class IngestService {

    public static final String ELEMENT = "DATA_FUSION_CENTRE";

    private final ReportStore store;
    private final ReportArchive archive;
    private final SensorService sensors;
    private final CooperationView cooperation;
    private final CentreGate gate;
    private final FusionCentre centre;
    private final Outbox outbox;
    private final String reportsTopic;
    private final Clock clock;
    private final ReportRules rules;
    private final ExerciseStreams exercises;
    private final MeterRegistry registry;
    private final Counter duplicates;
    private final Counter droppedClosed;
    private final Counter ingestedKafka;

    public IngestService(ReportStore store, ReportArchive archive, SensorService sensors, CooperationView cooperation,
            CentreGate gate, FusionCentre centre, Outbox outbox,
            @ConfigProperty(name = "mp.messaging.incoming.sensor-reports.topic") String reportsTopic, Clock clock,
            FusionConfig config, MeterRegistry registry, ExerciseStreams exercises) {
        this.exercises = exercises;
        this.store = store;
        this.archive = archive;
        this.sensors = sensors;
        this.cooperation = cooperation;
        this.gate = gate;
        this.centre = centre;
        this.outbox = outbox;
        this.reportsTopic = reportsTopic;
        this.clock = clock;
        this.rules = new ReportRules(config.maxFuture(), config.horizon());
        this.registry = registry;
        this.duplicates = Counter.builder("fusion.reports.duplicates").description("reports ignored as already known")
                .register(registry);
        this.droppedClosed = registry.counter("fusion.reports.dropped", "reason", "centre-closed");
        this.ingestedKafka = registry.counter("fusion.reports.ingested", "source", "kafka");
    }

    /**
     * A REST batch of the caller's party. Refused as a whole (409) while the centre is closed; otherwise every valid
     * report is stored and put on the reports topic (through the outbox, keyed by its stream) in one transaction,
     * every invalid one is listed with its reason. From the topic it is fused like any report, by whichever instance
     * owns its stream.
     */
    public IngestResult ingestBatch(Party party, List<Report> reports) {
        IngestResult result = QuarkusTransaction.requiringNew().call(() -> {
            AgreementViewRow agreement = cooperation.requireInForce(ELEMENT, "accept sensor reports");
            IngestResult stored = store(party, reports);
            Instant now = clock.instant();
            for (Report r : stored.acceptedReports()) {
                outbox.publish(reportsTopic, envelope(r, agreement.agreementId, now));
            }
            return stored;
        });
        count(result, "rest");
        return result;
    }

    private EventEnvelope envelope(Report r, UUID agreementId, Instant now) {
        // a polar report travels as its measurement (sigmas as resolved): the consumer resolves it against the
        // registry again rather than trusting a position derived elsewhere
        boolean polar = r.radar() != null;
        SensorReportMessage payload = new SensorReportMessage(r.reportId(), r.sensorId(), r.party(), r.t(),
                polar ? null : r.xM(), polar ? null : r.yM(), polar ? null : r.zM(), polar ? null : r.sigmaM(),
                polar ? null : r.covarianceM2(), r.vxMps(), r.vyMps(), r.vzMps(), r.exercise(), r.exerciseId(),
                PolarReports.toMessage(r.radar()));
        UUID eventId = UUID.nameUUIDFromBytes(("fusion.sensor-report|" + r.party() + "|" + r.reportId())
                .getBytes(StandardCharsets.UTF_8));
        return new EventEnvelope(eventId, SensorReportMessage.TYPE, SensorReportMessage.VERSION, now,
                "fusion-service", r.party(), EventEnvelope.SYSTEM_ACTOR, agreementId,
                r.stream(), EventSerde.payloadOf(payload));
    }

    private IngestResult store(Party party, List<Report> reports) {
        Instant now = clock.instant();
        Set<String> seen = new HashSet<>();
        List<IngestResult.Rejected> rejected = new ArrayList<>();
        List<Report> candidates = new ArrayList<>();
        int dup = 0;
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            if (r == null) {
                rejected.add(new IngestResult.Rejected(i, null, "the report is null"));
                continue;
            }
            PolarReports.Resolution admitted = admit(r.withParty(party), party, now);
            if (admitted.refusal() != null) {
                rejected.add(new IngestResult.Rejected(i, r.reportId(), admitted.refusal()));
                continue;
            }
            if (!seen.add(r.reportId())) {
                dup++;
                continue;
            }
            candidates.add(admitted.report());
        }
        boolean[] inserted = store.insert(candidates, "rest", now);
        List<Report> accepted = new ArrayList<>();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i]) {
                accepted.add(candidates.get(i));
            } else {
                dup++;
            }
        }
        return new IngestResult(accepted.size(), dup, rejected, accepted);
    }

    /**
     * The report as it will be fused (a polar one resolved against its sensor's registration), or why it is refused:
     * the rules, the sensor must be the party's, the rules again on the position a polar report stands for, and an
     * exercise report must belong to a running exercise the sensor takes part in.
     */
    private PolarReports.Resolution admit(Report r, Party party, Instant now) {
        Optional<String> reason = rules.check(r, now);
        if (reason.isPresent()) {
            return refused(reason.get());
        }
        if (sensors.ownerOf(r.sensorId()) != party) {
            return refused("sensor " + r.sensorId() + " is not a registered sensor of " + party);
        }
        if (r.radar() != null && !r.radar().isResolved()) {
            RadarSite site = sensors.siteOf(r.sensorId());
            if (site == null) {
                return refused("sensor " + r.sensorId() + " is not registered");
            }
            PolarReports.Resolution resolved = PolarReports.resolve(r, site);
            if (resolved.refusal() != null) {
                return resolved;
            }
            r = resolved.report();
            reason = rules.check(r, now);
            if (reason.isPresent()) {
                return refused(reason.get());
            }
        }
        if (r.exerciseId() != null) {
            reason = exercises.refusal(r.exerciseId(), party, r.sensorId());
            if (reason.isPresent()) {
                return refused(reason.get());
            }
        }
        return new PolarReports.Resolution(r, null);
    }

    private static PolarReports.Resolution refused(String reason) {
        return new PolarReports.Resolution(null, reason);
    }

    /**
     * Checks one Kafka report: the report with its party taken from the sensor registry, if it can ever be accepted.
     *
     * @param envelopeParty the party the event's envelope names (may be null)
     * @throws PoisonMessageException when it cannot (it goes to the DLQ with the reason)
     */
    public Report check(SensorReportMessage m, Party envelopeParty, Instant now) {
        if (m.sensorId() == null || m.sensorId().isBlank()) {
            throw new PoisonMessageException("report " + m.reportId() + " names no sensor", null);
        }
        Party owner = sensors.ownerOf(m.sensorId());
        if (owner == null) {
            throw new PoisonMessageException("report " + m.reportId() + " refused: sensor " + m.sensorId()
                    + " is not registered", null);
        }
        if (m.party() != null && m.party() != owner || envelopeParty != null && envelopeParty != owner) {
            throw new PoisonMessageException("report " + m.reportId() + " refused: sensor " + m.sensorId()
                    + " is a registered sensor of " + owner + ", not of " + (m.party() != null && m.party() != owner
                            ? m.party() : envelopeParty), null);
        }
        Report r = new Report(m.reportId(), m.sensorId(), owner, m.t(), orNaN(m.xM()), orNaN(m.yM()), orNaN(m.zM()),
                m.sigmaM(), m.covariance(), m.vxMps(), m.vyMps(), m.vzMps(), m.exercise(), m.exerciseId(),
                PolarReports.fromMessage(m.polar()));
        PolarReports.Resolution admitted = admit(r, owner, now);
        if (admitted.refusal() != null) {
            throw new PoisonMessageException("report " + m.reportId() + " refused: " + admitted.refusal(), null);
        }
        return admitted.report();
    }

    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }

    /**
     * Checked Kafka reports (with the partition and offset each was read at, and the traceparent each came with) go to the tracker, waiting while its
     * queue is full, and to the archive; the tracker drops a report id its stream saw lately, the archive by its key.
     * While the centre is closed nothing is kept: the reports are dropped and counted.
     */
    public void acceptFromKafka(List<Report> reports, int[] partitions, long[] offsets, String[] traceparents)
            throws InterruptedException {
        if (reports.isEmpty()) {
            return;
        }
        if (!gate.isOpen()) {
            droppedClosed.increment(reports.size());
            return;
        }
        ingestedKafka.increment(reports.size());
        archive.add(reports);
        centre.submit(reports, partitions, offsets, traceparents);
    }

    public void countRejectedFromKafka(int n) {
        rejectedCounter("kafka").increment(n);
    }

    private void count(IngestResult result, String source) {
        registry.counter("fusion.reports.ingested", "source", source).increment(result.accepted());
        duplicates.increment(result.duplicates());
        rejectedCounter(source).increment(result.rejected().size());
    }

    private Counter rejectedCounter(String source) {
        return registry.counter("fusion.reports.rejected", "source", source);
    }
}
