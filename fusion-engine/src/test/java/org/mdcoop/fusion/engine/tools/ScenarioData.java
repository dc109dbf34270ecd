package org.mdcoop.fusion.engine.tools;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared scenario data: {@code <repo>/../shared/data/fusion/<name>}. */
final class ScenarioData {
    private ScenarioData() {
    }

    /** The scenario folder, or null if the shared data is not there. */
    static Path find(String name) {
        Path dir = root().resolve(name);
        return Files.isRegularFile(dir.resolve("detections.jsonl")) ? dir : null;
    }

    /** Skips the calling test (assumption) when the data is absent. */
    static void assumePresent(Path dir, String name) {
        assumeTrue(dir != null, "scenario data not found at " + root().resolve(name)
                + " (set FUSION_DATA_DIR); skipping data-driven test");
    }

    private static Path root() {
        String override = System.getenv("FUSION_DATA_DIR");
        return override != null ? Path.of(override)
                // surefire runs in fusion-engine/, so the repo root is its parent
                : Path.of("").toAbsolutePath().getParent().resolve("../shared/data/fusion").normalize();
    }

    static Path scenario(String name) {
        String override = System.getenv("FUSION_DATA_DIR");
        Path root = override != null ? Path.of(override)
                // surefire runs in fusion-engine/, so the repo root is its parent
                : Path.of("").toAbsolutePath().getParent().resolve("../shared/data/fusion").normalize();
        Path dir = root.resolve(name);
        assumeTrue(Files.isRegularFile(dir.resolve("detections.jsonl")),
                "scenario data not found at " + dir + " (set FUSION_DATA_DIR); skipping data-driven test");
        return dir;
    }
}
