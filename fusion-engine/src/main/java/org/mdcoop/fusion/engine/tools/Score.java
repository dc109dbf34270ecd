package org.mdcoop.fusion.engine.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code score --scenario <dir> --tracks <tracks.jsonl> [--cutoff 5000]}: scores tracks against
 * {@code <dir>/truth.jsonl} at every distinct time of {@code <dir>/detections.jsonl}.
 */
public final class Score {
    private Score() {
    }

    public static void main(String[] args) throws IOException {
        Path scenario = null;
        Path tracks = null;
        double cutoff = Scorer.DEFAULT_CUTOFF_M;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scenario" -> scenario = Path.of(args[++i]);
                case "--tracks" -> tracks = Path.of(args[++i]);
                case "--cutoff" -> cutoff = Double.parseDouble(args[++i]);
                default -> {
                    System.err.println("unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (scenario == null || tracks == null) {
            System.err.println("usage: score --scenario <dir> --tracks <tracks.jsonl> [--cutoff 5000]");
            System.exit(2);
        }
        StateRows truth = StateRows.read(scenario.resolve("truth.jsonl"));
        StateRows trk = StateRows.read(tracks);
        Path det = scenario.resolve("detections.jsonl");
        double[] times = Files.isRegularFile(det) ? Scorer.distinctTimes(Detections.read(det)) : null;
        System.out.println(Scorer.score(truth, trk, times, cutoff));
    }
}
