package org.mdcoop.fusion.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.FusedTrackMessage;
import org.mdcoop.common.events.SensorReportMessage;
import org.mdcoop.fusion.domain.Report;
import org.mdcoop.fusion.domain.ReportRules;
import org.mdcoop.fusion.engine.ReportBatch;
import org.mdcoop.fusion.engine.TrackTable;
import org.mdcoop.fusion.engine.Tracker;
import org.mdcoop.fusion.engine.model.BallisticMotionModel;
import org.mdcoop.fusion.messaging.SensorReportConsumer;
import org.mdcoop.fusion.messaging.TrackPublisher;
import org.mdcoop.fusion.service.RecentReportIds;
import org.mdcoop.fusion.service.TrackMessages;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The fusion-service hot path per report, without the broker: one Kafka record's JSON parsed into its typed
 * envelope, checked (plausibility rules, duplicate window), fused (one scan of one sensor at a time, as the centre
 * feeds the tracker) and, for every confirmed track the scan updated, the track message built and serialised once.
 * The same code the service runs ({@code SensorReportConsumer.parse}, {@code ReportRules}, {@code RecentReportIds},
 * {@code Tracker}, {@code TrackMessages}, {@code TrackPublisher.toJson}); launch/impact products are computed beside
 * the worker in the service and are not part of this path. One operation is one scan of {@code objects} reports;
 * the time is reported per report.
 * <p>
 * Run: {@code ./mvnw -Pbench -DskipTests package -pl fusion-service -am && java -jar fusion-service/target/benchmarks.jar ServicePath}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ServicePathBenchmark {

    @Param("1000")
    public int objects;

    private static final int SCANS = 400;
    private static final String[] SENSORS = { "NATO-1", "NATO-2", "RUSSIA-1", "RUSSIA-2" };
    private static final Party[] PARTIES = { Party.NATO, Party.NATO, Party.RUSSIA, Party.RUSSIA };

    /** Pre-built Kafka record values, scan by scan (four radars in turn, 10 scans/s). */
    private String[][] records;
    private final ReportRules rules = new ReportRules(Duration.ofSeconds(5), Duration.ofMinutes(10));
    private Tracker tracker;
    private ReportBatch batch;
    private RecentReportIds recent;
    private int next;
    private Instant now;

    @Setup(Level.Trial)
    public void makeTheRaid() {
        BallisticMotionModel model = new BallisticMotionModel(0.0, 1.0);
        Random random = new Random(42);
        double[] states = new double[objects * 6];
        int side = (int) Math.ceil(Math.sqrt(objects));
        for (int o = 0; o < objects; o++) {
            double lat = Math.toRadians(35 + 0.6 * (o / side)), lon = Math.toRadians(10 + 0.6 * (o % side));
            double r = 6_371_000.0 + 150_000 + 100_000 * random.nextDouble();
            double heading = random.nextDouble() * 2 * Math.PI, v = 2_000 + 3_000 * random.nextDouble();
            double[] up = { Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat) };
            double[] east = { -Math.sin(lon), Math.cos(lon), 0 };
            double[] north = { -Math.sin(lat) * Math.cos(lon), -Math.sin(lat) * Math.sin(lon), Math.cos(lat) };
            for (int i = 0; i < 3; i++) {
                states[o * 6 + i] = r * up[i];
                states[o * 6 + 3 + i] = v * (Math.cos(heading) * east[i] + Math.sin(heading) * north[i]) + 800 * up[i];
            }
        }
        records = new String[SCANS][objects];
        Instant start = Instant.now();
        now = start.plusMillis(100L * SCANS); // every report of the raid is then within the rules' horizon
        for (int scan = 0; scan < SCANS; scan++) {
            int s = scan % 4;
            Instant t = start.plusMillis(100L * scan);
            for (int o = 0; o < objects; o++) {
                if (scan > 0) {
                    model.propagate(states, o * 6, 0.1);
                }
                SensorReportMessage m = new SensorReportMessage("r-" + scan + "-" + o, SENSORS[s], PARTIES[s], t,
                        states[o * 6] + 100 * random.nextGaussian(), states[o * 6 + 1] + 100 * random.nextGaussian(),
                        states[o * 6 + 2] + 100 * random.nextGaussian(), 100.0, null, null, null, null, false, null);
                records[scan][o] = EventSerde.toJson(EventSerde.envelope(SensorReportMessage.TYPE,
                        SensorReportMessage.VERSION, t, "gateway", PARTIES[s], "gateway", null, SENSORS[s], m));
            }
        }
        restart();
    }

    /** A fresh tracker and id window each time the pre-built raid is used up (then it is replayed as it was). */
    private void restart() {
        tracker = Tracker.ballistic();
        batch = new ReportBatch();
        recent = new RecentReportIds(120);
        next = 0;
    }

    @Benchmark
    @OperationsPerInvocation(1000) // reports per scan with the default 1,000 objects
    public void oneScan(Blackhole bh) throws Exception {
        if (next == SCANS) {
            restart();
        }
        String[] scan = records[next++];
        batch.clear();
        double t = Double.NaN;
        for (String json : scan) {
            SensorReportConsumer.SensorReportEvent e = SensorReportConsumer.parse(json);
            SensorReportMessage m = e.payload();
            Report r = new Report(m.reportId(), m.sensorId(), m.party(), m.t(), m.xM(), m.yM(), m.zM(), m.sigmaM(),
                    m.covariance(), m.vxMps(), m.vyMps(), m.vzMps(), m.exercise(), m.exerciseId());
            if (rules.check(r, now).isPresent() || !recent.firstTime(r.party(), r.reportId(), r.tSeconds())) {
                continue;
            }
            t = r.tSeconds();
            batch.add(r.xM(), r.yM(), r.zM(), r.sigmaM(), tracker.sensorIndex(r.sensorId()),
                    tracker.partyIndex(r.party().name()), false, r.reportId());
        }
        if (batch.size() == 0) {
            throw new IllegalStateException("every report of the scan was refused: the benchmark measures nothing");
        }
        tracker.processScan(t, batch);
        TrackTable table = tracker.tracks();
        UUID agreement = UUID.randomUUID();
        for (int slot = 0; slot < table.size(); slot++) {
            if (table.isConfirmed(slot) && table.lastUpdateSeconds(slot) == t) {
                FusedTrackMessage message = TrackMessages.of(tracker, slot, "live", null, "L-" + table.id(slot),
                        table.updates(slot), null);
                bh.consume(TrackPublisher.toJson(message, now, agreement));
            }
        }
    }
}
