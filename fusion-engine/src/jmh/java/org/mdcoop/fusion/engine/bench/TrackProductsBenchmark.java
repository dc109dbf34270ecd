package org.mdcoop.fusion.engine.bench;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.mdcoop.fusion.engine.model.BallisticMotionModel;
import org.mdcoop.fusion.engine.model.Earth;
import org.mdcoop.fusion.engine.products.TrackProductCalculator;
import org.mdcoop.fusion.engine.products.TrackProducts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one track's products (launch point, impact ellipse, class: 13 sigma points, each carried
 * to the surface forwards and backwards). The fusion service computes them when a track confirms and
 * then every few seconds per track, so with 1,000 live tracks this runs hundreds of times a second
 * beside the worker. States: 64 missiles in mid-course (burnout 2-5 km/s, 20-60 deg, between 20 % and 80 %
 * of their flight), position sigma 100 m; velocity sigma 5 m/s (a settled track) or 1,200 m/s (a
 * track just confirmed after three reports, whose outer sigma points fly as fast as an orbit).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TrackProductsBenchmark {
    static final int STATES = 64;

    @Param({"5", "1200"})
    public double velocitySigmaMps;

    final TrackProductCalculator calculator = new TrackProductCalculator();
    final double[][] states = new double[STATES][];
    final double[] covariance = new double[36];
    int next;

    @Setup
    public void generate() {
        Random rnd = new Random(5);
        BallisticMotionModel kepler = new BallisticMotionModel(0, 1.0);
        for (int k = 0; k < STATES; k++) {
            double lat = Math.toRadians(30 + 18 * rnd.nextDouble());
            double lon = Math.toRadians(20 + 25 * rnd.nextDouble());
            double r = Earth.RADIUS_M + 80_000;
            double ux = Math.cos(lat) * Math.cos(lon), uy = Math.cos(lat) * Math.sin(lon), uz = Math.sin(lat);
            double ex = -Math.sin(lon), ey = Math.cos(lon);
            double nx = -Math.sin(lat) * Math.cos(lon), ny = -Math.sin(lat) * Math.sin(lon), nz = Math.cos(lat);
            double speed = 2000 + 3000 * rnd.nextDouble();
            double gamma = Math.toRadians(20 + 40 * rnd.nextDouble());
            double heading = 2 * Math.PI * rnd.nextDouble();
            double h = speed * Math.cos(gamma), up = speed * Math.sin(gamma);
            double[] s = {r * ux, r * uy, r * uz,
                    up * ux + h * (Math.sin(heading) * ex + Math.cos(heading) * nx),
                    up * uy + h * (Math.sin(heading) * ey + Math.cos(heading) * ny),
                    up * uz + h * (Math.cos(heading) * nz)};
            double[] probe = s.clone();
            int flightSeconds = 0;
            while (Earth.altitudeM(probe[0], probe[1], probe[2]) > 0) {
                kepler.propagate(probe, 0, 1.0);
                flightSeconds++;
            }
            kepler.propagate(s, 0, flightSeconds * (0.2 + 0.6 * rnd.nextDouble()));
            states[k] = s;
        }
        for (int i = 0; i < 6; i++) {
            double sigma = i < 3 ? 100.0 : velocitySigmaMps;
            covariance[i * 6 + i] = sigma * sigma;
        }
    }

    @Benchmark
    public TrackProducts products() {
        double[] x = states[next++ & (STATES - 1)];
        return calculator.compute(1, 0, x, covariance, 20, List.of("NATO"), List.of("NATO-1"), false);
    }
}
