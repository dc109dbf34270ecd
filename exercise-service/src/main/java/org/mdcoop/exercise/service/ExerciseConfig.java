package org.mdcoop.exercise.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "mdcoop.exercise")
public interface ExerciseConfig {

    /**
     * How much faster than real time a running exercise plays its scenario (1 = real time). Fixed for a run when it
     * starts (stored with the run).
     */
    @WithDefault("1")
    double pacingFactor();

    /**
     * No report may be older than this when published (the fusion centre's horizon is 10 min): a run whose reports
     * span more scenario time than the configured factor allows plays at a lower factor (see {@code Pacing}).
     */
    @WithDefault("9m")
    Duration maxReportAge();

    /** How often the report publisher looks for due reports. */
    @WithDefault("1s")
    Duration publishInterval();

    /** At most this many reports per exercise per publisher pass (a pass never splits one scan time). */
    @WithDefault("2000")
    int maxBatch();

    /** How long the publisher waits for the broker to acknowledge one batch. */
    @WithDefault("10s")
    Duration sendTimeout();

    /**
     * A run's first reports wait until the exercise's events (its start among them) have left the outbox, and then
     * this long more, so that the fusion centre knows the exercise is RUNNING before its reports arrive.
     */
    @WithDefault("1s")
    Duration streamOpenSettle();

    /**
     * Where the synthetic reports go: the fusion centre's {@code fusion.sensor-reports}. Tests use a topic of their
     * own so their reports never reach a fusion centre running on the same broker.
     */
    @WithDefault("fusion.sensor-reports")
    String sensorReportsTopic();

    /** Spacing of the stored ground-truth samples. */
    @WithDefault("1s")
    Duration groundTruthStep();
}
