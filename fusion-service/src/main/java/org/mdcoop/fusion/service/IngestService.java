package org.mdcoop.fusion.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.mdcoop.common.cooperation.CooperationView;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.PoisonMessageException;
import org.mdcoop.common.events.SensorReportMessage;
import org.mdcoop.fusion.domain.Report;
import org.mdcoop.fusion.domain.ReportRules;
import org.mdcoop.fusion.persistence.ReportStore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Report ingest, from REST batches and from Kafka: validate, store (a report id seen before is ignored), and only
 * after the store committed hand the report to the tracker.
 */
@ApplicationScoped
public class IngestService {

    public static final String ELEMENT = "DATA_FUSION_CENTRE";

    private final ReportStore store;
    private final SensorService sensors;
    private final CooperationView cooperation;
    private final CentreGate gate;
    private final FusionCentre centre;
    private final Clock clock;
    private final ReportRules rules;
    private final MeterRegistry registry;
    private final Counter duplicates;

    public IngestService(ReportStore store, SensorService sensors, CooperationView cooperation,
            CentreGate gate, FusionCentre centre, Clock clock, FusionConfig config, MeterRegistry registry) {
        this.store = store;
        this.sensors = sensors;
        this.cooperation = cooperation;
        this.gate = gate;
        this.centre = centre;
        this.clock = clock;
        this.rules = new ReportRules(config.maxFuture(), config.horizon());
        this.registry = registry;
        this.duplicates = Counter.builder("fusion.reports.duplicates").description("reports ignored as already known")
                .register(registry);
    }

    /**
     * A REST batch of the caller's party. Refused as a whole (409) while the centre is closed; otherwise every valid
     * report is stored in one transaction and fused, every invalid one is listed with its reason.
     */
    public IngestResult ingestBatch(Party party, List<Report> reports) {
        IngestResult result = QuarkusTransaction.requiringNew().call(() -> {
            cooperation.requireInForce(ELEMENT, "accept sensor reports");
            return store(party, reports);
        });
        count(result, "rest");
        centre.submit(result.acceptedReports());
        return result;
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
            Optional<String> reason = reasonToRefuse(r, party, now);
            if (reason.isPresent()) {
                rejected.add(new IngestResult.Rejected(i, r.reportId(), reason.get()));
                continue;
            }
            if (!seen.add(r.reportId())) {
                dup++;
                continue;
            }
            candidates.add(new Report(r.reportId(), r.sensorId(), party, r.t(), r.xM(), r.yM(), r.zM(), r.sigmaM(),
                    r.covarianceM2(), r.vxMps(), r.vyMps(), r.vzMps(), r.exercise(), r.exerciseId()));
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

    private Optional<String> reasonToRefuse(Report r, Party party, Instant now) {
        Optional<String> reason = rules.check(r, now);
        if (reason.isPresent()) {
            return reason;
        }
        if (sensors.ownerOf(r.sensorId()) != party) {
            return Optional.of("sensor " + r.sensorId() + " is not a registered sensor of " + party);
        }
        return Optional.empty();
    }

    /**
     * Reads and checks one Kafka message: the report it carries, if it can ever be accepted.
     *
     * @throws PoisonMessageException when it cannot (it goes to the DLQ with the reason)
     */
    public Report check(EventEnvelope event, Instant now) {
        if (!SensorReportMessage.TYPE.equals(event.type())) {
            throw new PoisonMessageException("expected " + SensorReportMessage.TYPE + " but got " + event.type(), null);
        }
        SensorReportMessage m = EventSerde.payloadAs(event, SensorReportMessage.class);
        if (m.party() == null) {
            throw new PoisonMessageException("report " + m.reportId() + " names no party", null);
        }
        if (event.party() != null && event.party() != m.party()) {
            throw new PoisonMessageException("report " + m.reportId() + " is of " + m.party() + " but the event of "
                    + event.party(), null);
        }
        Report r = new Report(m.reportId(), m.sensorId(), m.party(), m.t(), m.xM(), m.yM(), m.zM(), m.sigmaM(),
                m.covariance(), m.vxMps(), m.vyMps(), m.vzMps(), m.exercise(), m.exerciseId());
        Optional<String> reason = reasonToRefuse(r, m.party(), now);
        if (reason.isPresent()) {
            throw new PoisonMessageException("report " + m.reportId() + " refused: " + reason.get(), null);
        }
        return r;
    }

    /**
     * Stores checked Kafka reports inside the consumer's transaction; returns the new ones (a known report id is
     * ignored). While the centre is closed nothing is stored: the reports are dropped with the reason logged.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Report> storeFromKafka(List<Report> reports, List<java.util.UUID> eventIds) {
        if (reports.isEmpty()) {
            return List.of();
        }
        if (!gate.isOpen()) {
            Log.warnf("dropped %d reports (events %s...): the fusion centre is closed, no agreement covering %s is in force",
                    reports.size(), eventIds.get(0), ELEMENT);
            registry.counter("fusion.reports.dropped", "reason", "centre-closed").increment(reports.size());
            return List.of();
        }
        boolean[] inserted = store.insert(reports, "kafka", clock.instant());
        List<Report> accepted = new ArrayList<>(reports.size());
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i]) {
                accepted.add(reports.get(i));
            }
        }
        registry.counter("fusion.reports.ingested", "source", "kafka").increment(accepted.size());
        duplicates.increment(reports.size() - accepted.size());
        return accepted;
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
