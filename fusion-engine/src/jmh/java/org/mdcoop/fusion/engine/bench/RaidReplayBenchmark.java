package org.mdcoop.fusion.engine.bench;

import java.util.concurrent.TimeUnit;

import org.mdcoop.fusion.engine.ReportBatch;
import org.mdcoop.fusion.engine.Tracker;
import org.mdcoop.fusion.engine.scenario.Params;
import org.mdcoop.fusion.engine.scenario.Scenario;
import org.mdcoop.fusion.engine.tools.Detections;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole generated raid preset (seed 2: 79,716 reports, 60 missiles, clutter, pd 0.9) through a
 * fresh tracker per invocation, single thread; the score is reports per second (one op = one report).
 * The scenario is generated in memory once in setup, so this is the engine alone (no JSON).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RaidReplayBenchmark {
    /** Reports of {@code Params.raid()}; JMH needs the count as a constant, setup checks it. */
    static final int RAID_REPORTS = 79_716;

    @Param({"ballistic", "baseline-cv"})
    public String tracker;

    Detections d;
    int[] sensorIdx;
    int[] partyIdx;
    String[] sensorOrder;
    String[] partyOrder;
    final ReportBatch batch = new ReportBatch();

    @Setup
    public void load() {
        d = Scenario.generate(Params.raid()).detections();
        if (d.size != RAID_REPORTS) {
            throw new IllegalStateException("the raid preset now has " + d.size + " reports; update RAID_REPORTS");
        }
        Tracker probe = newTracker();
        sensorIdx = new int[d.size];
        partyIdx = new int[d.size];
        for (int i = 0; i < d.size; i++) {
            sensorIdx[i] = probe.sensorIndex(d.sensorId[i]);
            partyIdx[i] = probe.partyIndex(d.party[i]);
        }
        sensorOrder = probe.sensorNames(-1L).toArray(String[]::new);
        partyOrder = probe.partyNames(-1L).toArray(String[]::new);
    }

    Tracker newTracker() {
        return "ballistic".equals(tracker) ? Tracker.ballistic() : Tracker.constantVelocityBaseline();
    }

    @Benchmark
    @OperationsPerInvocation(RAID_REPORTS)
    public int replayRaid() {
        Tracker t = newTracker();
        for (String s : sensorOrder) {
            t.sensorIndex(s);
        }
        for (String p : partyOrder) {
            t.partyIndex(p);
        }
        int i = 0;
        while (i < d.size) {
            double time = d.tSeconds[i];
            batch.clear();
            while (i < d.size && d.tSeconds[i] == time) {
                batch.add(d.xM[i], d.yM[i], d.zM[i], d.sigmaM[i], sensorIdx[i], partyIdx[i], false, d.reportId[i]);
                i++;
            }
            t.processScan(time, batch);
        }
        return t.tracks().size();
    }
}
