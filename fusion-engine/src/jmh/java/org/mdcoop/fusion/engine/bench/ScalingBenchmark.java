package org.mdcoop.fusion.engine.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.mdcoop.fusion.engine.ReportBatch;
import org.mdcoop.fusion.engine.Tracker;
import org.mdcoop.fusion.engine.model.BallisticMotionModel;
import org.mdcoop.fusion.engine.model.Earth;
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
 * Cost per scan against the number of simultaneous objects. A synthetic raid of N missiles (launch
 * points spread over ~2,000 km x 2,000 km, burnout 3-5 km/s, all in flight at once) seen by one
 * sensor every 0.5 s with sigma 150 m, pd 0.9 and 2 clutter reports per scan. One invocation runs a
 * fresh tracker over SCANS scans (initiation in the first scans, then steady tracking); the score is
 * time per scan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScalingBenchmark {
    static final int SCANS = 200;
    static final double SCAN_INTERVAL_S = 0.5;
    static final double SIGMA_M = 150.0;

    @Param({"60", "300", "1000"})
    public int objects;

    int[] scanStart;
    double[] rx;
    double[] ry;
    double[] rz;
    final ReportBatch batch = new ReportBatch();

    @Setup
    public void generate() {
        Random rnd = new Random(11);
        double[] s = new double[objects * 6];
        for (int k = 0; k < objects; k++) {
            double lat = Math.toRadians(30 + 18 * rnd.nextDouble());
            double lon = Math.toRadians(20 + 25 * rnd.nextDouble());
            double r = Earth.RADIUS_M + 100_000 + 10_000 * rnd.nextDouble();
            double ux = Math.cos(lat) * Math.cos(lon), uy = Math.cos(lat) * Math.sin(lon), uz = Math.sin(lat);
            double ex = -Math.sin(lon), ey = Math.cos(lon);
            double nx = -Math.sin(lat) * Math.cos(lon), ny = -Math.sin(lat) * Math.sin(lon), nz = Math.cos(lat);
            double speed = 3000 + 2000 * rnd.nextDouble();
            double gamma = Math.toRadians(20 + 25 * rnd.nextDouble());
            double heading = 2 * Math.PI * rnd.nextDouble();
            double h = speed * Math.cos(gamma), up = speed * Math.sin(gamma);
            s[k * 6] = r * ux;
            s[k * 6 + 1] = r * uy;
            s[k * 6 + 2] = r * uz;
            s[k * 6 + 3] = up * ux + h * (Math.sin(heading) * ex + Math.cos(heading) * nx);
            s[k * 6 + 4] = up * uy + h * (Math.sin(heading) * ey + Math.cos(heading) * ny);
            s[k * 6 + 5] = up * uz + h * (Math.cos(heading) * nz);
        }
        BallisticMotionModel truth = new BallisticMotionModel(0, SCAN_INTERVAL_S);
        int cap = SCANS * (objects + 8);
        rx = new double[cap];
        ry = new double[cap];
        rz = new double[cap];
        scanStart = new int[SCANS + 1];
        int n = 0;
        for (int scan = 0; scan < SCANS; scan++) {
            scanStart[scan] = n;
            for (int k = 0; k < objects; k++) {
                if (rnd.nextDouble() < 0.9) {
                    rx[n] = s[k * 6] + SIGMA_M * rnd.nextGaussian();
                    ry[n] = s[k * 6 + 1] + SIGMA_M * rnd.nextGaussian();
                    rz[n] = s[k * 6 + 2] + SIGMA_M * rnd.nextGaussian();
                    n++;
                }
                truth.propagate(s, k * 6, SCAN_INTERVAL_S);
            }
            for (int c = 0; c < 2; c++) { // clutter in the raid box
                double lat = Math.toRadians(30 + 18 * rnd.nextDouble());
                double lon = Math.toRadians(20 + 25 * rnd.nextDouble());
                double r = Earth.RADIUS_M + 20_000 + 900_000 * rnd.nextDouble();
                rx[n] = r * Math.cos(lat) * Math.cos(lon);
                ry[n] = r * Math.cos(lat) * Math.sin(lon);
                rz[n] = r * Math.sin(lat);
                n++;
            }
        }
        scanStart[SCANS] = n;
        System.err.printf("%nsynthetic raid: %d objects, %d reports in %d scans -> %d confirmed tracks after the last scan%n",
                objects, n, SCANS, trackRaid());
    }

    @Benchmark
    @OperationsPerInvocation(SCANS)
    public int trackRaid() {
        Tracker t = Tracker.ballistic();
        int sensor = t.sensorIndex("S-1");
        int party = t.partyIndex("NATO");
        for (int scan = 0; scan < SCANS; scan++) {
            batch.clear();
            for (int i = scanStart[scan]; i < scanStart[scan + 1]; i++) {
                batch.add(rx[i], ry[i], rz[i], SIGMA_M, sensor, party, false, null);
            }
            t.processScan(scan * SCAN_INTERVAL_S, batch);
        }
        return t.confirmedCount();
    }
}
