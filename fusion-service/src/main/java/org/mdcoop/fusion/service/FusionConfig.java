package org.mdcoop.fusion.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "mdcoop.fusion")
public interface FusionConfig {

    /** Reports older than this are refused. */
    @WithDefault("PT10M")
    Duration horizon();

    /** Reports further in the future than this are refused. */
    @WithDefault("PT5S")
    Duration maxFuture();

    /** Most reports in one REST batch. */
    @WithDefault("2000")
    int maxBatch();

    /** The longest a report waits for the reports of other sensors (a silent sensor holds nothing back longer). */
    @WithDefault("PT1S")
    Duration reorderWindow();

    /** A track's row and history are written at most this often per track. */
    @WithDefault("PT1S")
    Duration persistInterval();

    /** On start, trackers are rebuilt from the reports of this last stretch. */
    @WithDefault("PT2M")
    Duration recoveryWindow();

    /** Launch point, impact prediction and class (milliseconds each) are refreshed at most this often per track (report time). */
    @WithDefault("PT5S")
    Duration productsInterval();

    /** Where fused track updates go ({@code fusion.tracks}; tests use their own topic on the shared broker). */
    @WithDefault("fusion.tracks")
    String tracksTopic();
}
