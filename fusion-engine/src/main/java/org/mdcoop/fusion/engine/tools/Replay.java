package org.mdcoop.fusion.engine.tools;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mdcoop.fusion.engine.Tracker;
import org.mdcoop.fusion.engine.registration.SensorBias;
import org.mdcoop.fusion.engine.registration.SensorRegistration;

/**
 * {@code replay --in <scenario-dir> --out <tracks.jsonl> [--baseline] [--q <processNoise>]
 * [--measurement polar|cov|sigma] [--no-registration]}: runs the
 * engine over {@code <dir>/detections.jsonl} and writes every confirmed track at each distinct
 * detection time. Prints reports/s (engine time only, and including I/O).
 */
public final class Replay {
    private Replay() {
    }

    public static void main(String[] args) throws IOException {
        Path in = null;
        Path out = null;
        boolean baseline = false;
        boolean reportByReport = false;
        Double q = null;
        ReplayRunner.Measurement measurement = ReplayRunner.Measurement.POLAR;
        boolean registration = true;
        Path productsOut = null;
        double productsAfterS = 30.0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--in" -> in = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--baseline" -> baseline = true;
                case "--report-by-report" -> reportByReport = true;
                case "--q" -> q = Double.parseDouble(args[++i]);
                case "--measurement" -> measurement = measurement(args[++i]);
                case "--no-registration" -> registration = false;
                case "--products" -> productsOut = Path.of(args[++i]);
                case "--products-after" -> productsAfterS = Double.parseDouble(args[++i]);
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (in == null || out == null) {
            usage("--in and --out are required");
        }
        Path detectionsFile = in.resolve("detections.jsonl");
        if (!Files.isRegularFile(detectionsFile)) {
            usage("no detections.jsonl in " + in);
        }
        long t0 = System.nanoTime();
        Detections d = Detections.read(detectionsFile);
        Tracker tracker = baseline
                ? (q == null ? Tracker.constantVelocityBaseline() : Tracker.constantVelocityBaseline(q))
                : Tracker.ballistic(q == null ? Tracker.BALLISTIC_PROCESS_NOISE_M2PS3 : q,
                        registration ? new SensorRegistration() : null);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        long[] engineNanos = new long[1];
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            StringBuilder sb = new StringBuilder(1 << 16);
            StringBuilder products = new StringBuilder();
            java.util.Set<Long> productsDone = new java.util.HashSet<>();
            org.mdcoop.fusion.engine.products.TrackProductCalculator calc =
                    new org.mdcoop.fusion.engine.products.TrackProductCalculator();
            boolean wantProducts = productsOut != null;
            double after = productsAfterS;
            long[] mark = {System.nanoTime()};
            ReplayRunner.run(tracker, d, (t, tr) -> {
                long now = System.nanoTime();
                engineNanos[0] += now - mark[0];
                ReplayRunner.appendConfirmed(t, tr.tracks(), sb);
                if (wantProducts) {
                    var tt = tr.tracks();
                    for (int s = 0; s < tt.size(); s++) {
                        if (tt.isConfirmed(s) && t - tt.firstUpdateSeconds(s) >= after && productsDone.add(tt.id(s))) {
                            products.append(ProductsJson.toJson(calc.compute(tr, s))).append('\n');
                        }
                    }
                }
                if (sb.length() > (1 << 15)) {
                    try {
                        w.append(sb);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    sb.setLength(0);
                }
                mark[0] = System.nanoTime();
            }, reportByReport, measurement);
            w.append(sb);
            if (wantProducts) {
                Files.writeString(productsOut, products);
            }
        }
        long total = System.nanoTime() - t0;
        System.out.printf("%s: %d reports, %d confirmed tracks at the end, engine %.0f reports/s (%.3f s), "
                        + "end-to-end incl. JSON I/O %.0f reports/s (%.3f s) -> %s%n",
                baseline ? "baseline (CV)" : "ballistic", d.size, tracker.confirmedCount(),
                d.size / (engineNanos[0] / 1e9), engineNanos[0] / 1e9,
                d.size / (total / 1e9), total / 1e9, out);
        for (SensorBias b : tracker.sensorBiases()) {
            System.out.printf("bias %s: range %.1f +- %.1f m, az %.3f +- %.3f mrad, el %.3f +- %.3f mrad, "
                            + "%d residuals (%d rejected), %s%n", b.sensorId(), b.rangeM(), b.sigmaRangeM(),
                    1e3 * b.azRad(), 1e3 * b.sigmaAzRad(), 1e3 * b.elRad(), 1e3 * b.sigmaElRad(), b.residuals(),
                    b.rejected(), b.status());
        }
    }

    private static ReplayRunner.Measurement measurement(String v) {
        return switch (v) {
            case "polar" -> ReplayRunner.Measurement.POLAR;
            case "cov" -> ReplayRunner.Measurement.COVARIANCE;
            case "sigma" -> ReplayRunner.Measurement.ISOTROPIC;
            default -> {
                usage("--measurement polar|cov|sigma, got " + v);
                yield null;
            }
        };
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: replay --in <scenario-dir> --out <tracks.jsonl> [--baseline] [--q <m2/s3>] [--report-by-report]"
                + " [--measurement polar|cov|sigma (default polar: a radar's measurement where there is one)]"
                + " [--no-registration]"
                + " [--products <products.jsonl> [--products-after <s>]]");
        System.exit(2);
    }
}
