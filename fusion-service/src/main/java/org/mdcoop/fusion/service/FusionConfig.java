package org.mdcoop.fusion.service;

import java.time.Duration;

import org.apache.kafka.common.record.CompressionType;

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

    /**
     * The longest a scan waits for other sensors' older reports still in flight (each sensor's wait is its learned
     * delivery delay, capped by this); what arrives later still is fused by retrodiction.
     */
    @WithDefault("PT0.25S")
    Duration reorderWindow();

    /** A sensor's scan counts as complete once no report of it arrived for this long (or a later one arrived). */
    @WithDefault("PT0.02S")
    Duration scanGap();

    /** Reports up to this much older than their stream's last fused scan are fused by retrodiction; older ones are only archived. */
    @WithDefault("PT2S")
    Duration lateLag();

    /** Reports waiting for the fusion worker at most; Kafka ingest waits (the log keeps them), REST sheds with a metric. */
    @WithDefault("200000")
    int queueCapacity();

    /** Reports waiting for the archive writer at most; beyond, archiving sheds (counted): the topic is the record. */
    @WithDefault("500000")
    int archiveQueueCapacity();

    /** Raw reports are kept this long (whole days: partitions are dropped). */
    @WithDefault("P7D")
    Duration archiveRetention();

    /** A report id seen within this window (report time) is a duplicate without asking the archive. */
    @WithDefault("PT2M")
    Duration duplicateWindow();

    /** A track's row and history are written at most this often per track. */
    @WithDefault("PT1S")
    Duration persistInterval();

    /** Each owned stream's state goes to the snapshots topic this often (a new owner replays at most this much). */
    @WithDefault("PT5S")
    Duration snapshotInterval();

    /** A snapshot older than this is not restored (its replay would be long and its tracks stale): the stream starts empty. */
    @WithDefault("PT10M")
    Duration snapshotMaxAge();

    /** The compacted topic of stream snapshots ({@code fusion.snapshots}; tests use their own). */
    @WithDefault("fusion.snapshots")
    String snapshotsTopic();

    /** Launch point, impact prediction and class (milliseconds each) are refreshed at most this often per track (report time). */
    @WithDefault("PT5S")
    Duration productsInterval();

    /**
     * How the track producer compresses its batches ({@code none}, {@code snappy}, {@code lz4}, {@code zstd},
     * {@code gzip}). Snappy by default: the Kafka client's LZ4 is pure Java and compressing was a fifth of the service's CPU
     * at 10,000 reports/s, snappy's native code costs a fraction of that for a similar size.
     */
    @WithDefault("snappy")
    CompressionType tracksCompression();

    /** Where fused track updates go ({@code fusion.tracks}; tests use their own topic on the shared broker). */
    @WithDefault("fusion.tracks")
    String tracksTopic();
}
