package org.mdcoop.fusion.engine.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code generate --preset small|raid|radar --out <dir> [--seed N] [--missiles N] [--duration S]
 * [--launch-window S] [--pd P] [--clutter N] [--jitter S] [--delay S] [--max-range-km KM]
 * [--range SENSOR=KM] [--min-separation-km KM] [--radar SR,SAZ,SEL] [--bias-scale K]}: writes a scenario folder that {@code replay --in}
 * and {@code replay score --scenario} read.
 */
public final class Generate {
    private Generate() {
    }

    public static void main(String[] args) throws IOException {
        Params p = Params.raid();
        String preset = "raid";
        Path out = null;
        List<String> recorded = new ArrayList<>();
        // the preset first, so that the other options adjust it whatever their order
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--preset")) {
                preset = args[i + 1];
            }
        }
        try {
            p = Params.preset(preset);
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (i + 1 >= args.length) {
                    usage("missing value after " + a);
                }
                String v = args[++i];
                if (!a.equals("--out")) {
                    recorded.add(a);
                    recorded.add(v);
                }
                switch (a) {
                    case "--preset" -> { }
                    case "--out" -> out = Path.of(v);
                    case "--seed" -> p = p.withSeed(Long.parseLong(v));
                    case "--missiles" -> p = p.withMissiles(Integer.parseInt(v));
                    case "--duration" -> p = p.withDurationS(Double.parseDouble(v));
                    case "--launch-window" -> p = p.withLaunchWindowS(Double.parseDouble(v));
                    case "--pd" -> p = p.withPd(Double.parseDouble(v));
                    case "--clutter" -> p = p.withClutterPerScan(Double.parseDouble(v));
                    case "--jitter" -> p = p.withJitterS(Double.parseDouble(v));
                    case "--delay" -> p = p.withDelayS(Double.parseDouble(v));
                    case "--max-range-km" -> p = p.withMaxRangeM(1000 * Double.parseDouble(v));
                    case "--range" -> {
                        int eq = v.indexOf('=');
                        if (eq <= 0) {
                            usage("--range wants SENSOR=KM, got " + v);
                        }
                        p = p.withMaxRangeM(v.substring(0, eq), 1000 * Double.parseDouble(v.substring(eq + 1)));
                    }
                    case "--min-separation-km" -> p = p.withMinSeparationM(1000 * Double.parseDouble(v));
                    case "--bias-scale" -> p = p.withBiasScale(Double.parseDouble(v));
                    case "--radar" -> p = p.withRadar(radar(v), 1_000.0);
                    default -> usage("unknown argument " + a);
                }
            }
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
        }
        if (out == null) {
            usage("--out is required");
        }
        long t0 = System.nanoTime();
        Scenario sc;
        try {
            sc = Scenario.generate(p);
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            return;
        }
        ScenarioFiles.write(sc, out, "replay generate " + String.join(" ", recorded));
        Scenario.Counts c = sc.counts();
        System.out.printf("%s seed %d: %d missiles %s, %d detections (%d clutter), %d scans, %d truth rows, "
                        + "duration %.0f s, min separation %.0f m (%.1f s) -> %s%n",
                preset, p.seed(), sc.missiles().size(), c.classes(), c.detections(), c.clutter(), c.scans(),
                c.truthRows(), sc.durationS(), c.minSeparationM(), (System.nanoTime() - t0) / 1e9, out);
    }

    private static Sensor.Radar radar(String v) {
        String[] parts = v.split(",");
        if (parts.length != 3) {
            usage("--radar wants SIGMA_R_M,SIGMA_AZ_MRAD,SIGMA_EL_MRAD, got " + v);
        }
        return new Sensor.Radar(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]) / 1000,
                Double.parseDouble(parts[2]) / 1000);
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: replay generate --out <dir> [--preset small|raid|radar] [--seed N] [--missiles N]"
                + " [--duration S (0 = until all have ended)] [--launch-window S] [--pd P] [--clutter N per scan]"
                + " [--jitter S] [--delay S (all sensors)] [--max-range-km KM (all sensors)] [--range SENSOR=KM]"
                + " [--min-separation-km KM] [--radar SIGMA_R_M,SIGMA_AZ_MRAD,SIGMA_EL_MRAD (all sensors)]"
                + " [--bias-scale K (radar biases, 0 = none; preset radar: 1)]");
        System.exit(2);
    }
}
