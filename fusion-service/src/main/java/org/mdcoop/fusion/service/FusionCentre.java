package org.mdcoop.fusion.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.FusedTrackMessage;
import org.mdcoop.common.events.TrackEndedMessage;
import org.mdcoop.common.tracing.MessageTraces;
import org.mdcoop.common.tracing.Traceparent;
import org.mdcoop.fusion.domain.RadarMeasurement;
import org.mdcoop.fusion.domain.Report;
import org.mdcoop.fusion.domain.SensorTiming;
import org.mdcoop.fusion.domain.Streams;
import org.mdcoop.fusion.engine.ReportBatch;
import org.mdcoop.fusion.engine.TrackTable;
import org.mdcoop.fusion.engine.Tracker;
import org.mdcoop.fusion.engine.products.TrackProductCalculator;
import org.mdcoop.fusion.engine.products.TrackProducts;
import org.mdcoop.fusion.engine.registration.SensorBias;
import org.mdcoop.fusion.messaging.SnapshotTopic;
import org.mdcoop.fusion.messaging.TrackPublisher;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The fusion centre: one {@link Tracker} per stream (the live picture, and one per exercise, which never mix), fed by
 * a single worker thread straight from ingest (no database in between). Time is handled as radars produce it:
 * <ul>
 *   <li>each sensor's reports wait in a lane of their own; a scan is one sensor's reports of one time, complete once
 *       a later report of that sensor arrived or none came for {@code scan-gap};</li>
 *   <li>a complete scan is fused once no other active sensor can still deliver something older, judged per sensor
 *       by its learned timing ({@link SensorTiming}: nothing older can come from a sensor that sent something as
 *       new or whose next report is not due yet; else wait its learned delivery delay — never "wait for all"), and
 *       after {@code reorder-window} at the latest;</li>
 *   <li>a scan older than the stream's last fused one (delivered late) is fused by retrodiction up to
 *       {@code late-lag}; older still, it is only archived and counted in {@code fusion.reports.late}.</li>
 * </ul>
 * Nothing slow runs on the worker: launch/impact/class are computed beside it, track messages are handed to the
 * {@link TrackPublisher}'s own thread, track rows to a writer thread; every queue is bounded.
 * <p>
 * An instance fuses only the streams whose partition of the reports topic it owns ({@link StreamOwnership}). Each
 * owned stream's state goes to the snapshots topic every {@code snapshot-interval} and when its partition is given up;
 * the next owner restores it and replays the reports from the snapshot's offset, so tracks keep their ids. The
 * picture every instance serves is built from the published tracks ({@link TrackFeed}), not from this worker.
 */
@ApplicationScoped
public class FusionCentre {

    /** A report waiting for its scan, with where it came from in the reports topic and the trace it was sent in. */
    private record Pending(Report report, long receivedNanos, int partition, long offset, String traceparent) {
    }

    private static final Comparator<Pending> TIME_ORDER = Comparator.comparingDouble(p -> p.report().tSeconds());

    /** A sensor that delivered nothing for this long holds no other sensor's scan back. */
    private static final long ACTIVE_SENSOR_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** One sensor's reports in one stream, waiting for the tracker; with what was learned of its timing. */
    private static final class Lane {
        final PriorityQueue<Pending> pending = new PriorityQueue<>(TIME_ORDER);
        final SensorTiming timing = new SensorTiming();
        long lastArrivalNanos;
    }

    /** What has been published of one confirmed track. */
    private static final class Published {
        final String trackId;
        int lastUpdate;
        TrackProducts products;
        boolean productsInFlight;
        double persistedAt = Double.NEGATIVE_INFINITY;
        long seenInScan;
        FusedTrackMessage last;

        Published(String trackId) {
            this.trackId = trackId;
        }
    }

    /** The state of one stream this instance owns; touched only by the worker thread. */
    private final class Stream {
        final String name;
        final UUID exerciseId;
        final int partition;
        final long epoch;
        final Tracker tracker = Tracker.ballistic();
        final ReportBatch batch = new ReportBatch();
        final Map<String, Lane> lanes = new LinkedHashMap<>();
        final Map<Long, Published> published = new HashMap<>();
        /** Report ids seen lately: a report sent twice is fused once (a new owner starts with an empty window). */
        final RecentReportIds recent;
        String idPrefix;
        long scans;
        /** The traceparent the updates of the scan being fused carry: its span's, when a report of it was traced. */
        String scanTraceparent;
        long lastActivityNanos = System.nanoTime();
        /** Reports of this stream below this offset are in the state already (restored from a snapshot). */
        long replayFrom = -1;
        /** One past the highest offset taken in. */
        long nextOffset = -1;
        /**
         * As if the last snapshot were long ago: a new stream's first snapshot goes out with its first reports, so an
         * owner lost within the first snapshot interval still hands the stream over (the new owner replays it from its
         * first report under its id prefix) instead of starting it again under new track ids.
         */
        long lastSnapshotNanos = System.nanoTime() - TimeUnit.HOURS.toNanos(1);

        Stream(String name, UUID exerciseId, int partition, long epoch) {
            this.name = name;
            this.exerciseId = exerciseId;
            this.partition = partition;
            this.epoch = epoch;
            this.idPrefix = Streams.tag(name) + "-" + incarnation + "-";
            this.recent = new RecentReportIds((int) Math.max(1, config.duplicateWindow().toSeconds()));
        }
    }

    private record ProductsResult(String stream, long engineId, TrackProducts products) {
    }

    private final FusionConfig config;
    private final CentreGate gate;
    private final TrackPublisher publisher;
    private final TrackStore trackStore;
    private final StreamOwnership ownership;
    private final SnapshotTopic snapshots;
    private final Clock clock;
    private final MessageTraces traces;
    /** Launch/impact/class (tens of microseconds each) run beside the worker, on a calculator of their own. */
    private final TrackProductCalculator productCalculator = new TrackProductCalculator();
    private final ThreadPoolExecutor productsExecutor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "fusion-products");
                t.setDaemon(true);
                return t;
            });
    private final ConcurrentLinkedQueue<ProductsResult> productsDone = new ConcurrentLinkedQueue<>();
    private final String incarnation;
    private final long scanGapNanos;
    private final long reorderWindowNanos;
    private final double reorderWindowS;
    private final double lateLagS;

    private final BlockingQueue<Pending> inbox;
    /** Hand-overs (partitions acquired or released), run by the worker before the reports that follow them. */
    private final ConcurrentLinkedQueue<Runnable> handOvers = new ConcurrentLinkedQueue<>();
    private final long snapshotIntervalNanos;
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private final Map<String, Stream> streams = new LinkedHashMap<>();
    /** The live stream's radar bias estimates, copied by the worker every {@link #BIAS_COPY_NANOS}; empty if not owned. */
    private final java.util.concurrent.atomic.AtomicReference<List<SensorBias>> liveBiases =
            new java.util.concurrent.atomic.AtomicReference<>(List.of());
    private static final long BIAS_COPY_NANOS = TimeUnit.SECONDS.toNanos(2);
    private long biasesCopiedNanos = System.nanoTime();
    private final BlockingQueue<TrackStore.TrackUpdate> toPersist = new ArrayBlockingQueue<>(50_000);
    private final BlockingQueue<String> endedToPersist = new ArrayBlockingQueue<>(50_000);
    private long[] receivedOfScan = new long[1024];

    private final Counter fused;
    private final Counter retrodicted;
    private final Counter late;
    private final Counter duplicates;
    private final Counter notOwned;
    private final Timer latency;

    private volatile boolean running;
    private Thread worker;
    private Thread persister;

    public FusionCentre(FusionConfig config, CentreGate gate, TrackPublisher publisher, TrackStore trackStore,
            StreamOwnership ownership, SnapshotTopic snapshots, Clock clock, MessageTraces traces,
            MeterRegistry registry) {
        this.config = config;
        this.gate = gate;
        this.publisher = publisher;
        this.trackStore = trackStore;
        this.ownership = ownership;
        this.snapshots = snapshots;
        this.clock = clock;
        this.traces = traces;
        this.snapshotIntervalNanos = config.snapshotInterval().toNanos();
        this.incarnation = Long.toString(clock.millis(), 36);
        this.scanGapNanos = config.scanGap().toNanos();
        this.reorderWindowNanos = config.reorderWindow().toNanos();
        this.reorderWindowS = reorderWindowNanos / 1e9;
        this.lateLagS = config.lateLag().toNanos() / 1e9;
        this.inbox = new ArrayBlockingQueue<>(config.queueCapacity());
        this.fused = registry.counter("fusion.reports.fused");
        this.retrodicted = Counter.builder("fusion.reports.retrodicted")
                .description("reports delivered after a newer scan of their stream, fused by retrodiction")
                .register(registry);
        this.late = Counter.builder("fusion.reports.late")
                .description("reports older than their stream's last fused scan by more than the late lag: archived, not fused")
                .register(registry);
        this.duplicates = Counter.builder("fusion.reports.duplicates").description("reports ignored as already known")
                .register(registry);
        this.notOwned = Counter.builder("fusion.reports.not-owned")
                .description("reports of a stream whose partition this instance gave up before they reached the tracker")
                .register(registry);
        this.latency = Timer.builder("fusion.processing.latency")
                .description("from a report's ingest to the hand-over of the track update it produced")
                .publishPercentiles(0.5, 0.99).register(registry);
        registry.gauge("fusion.reports.pending", inbox, BlockingQueue::size);
    }

    /**
     * Hands reports from the reports topic to the tracker, waiting while the worker's queue is full (the log holds the
     * rest). {@code partitions[i]}/{@code offsets[i]} say where report i was read. Ignored while the centre is closed.
     */
    public void submit(List<Report> reports, int[] partitions, long[] offsets, String[] traceparents)
            throws InterruptedException {
        if (reports.isEmpty() || !gate.isOpen()) {
            return;
        }
        long now = System.nanoTime();
        for (int i = 0; i < reports.size(); i++) {
            inbox.put(new Pending(reports.get(i), now, partitions[i], offsets[i], traceparents[i]));
        }
    }

    /**
     * The consumer acquired partitions (called on its polling thread, before it hands over any record of them): the
     * streams of those partitions continue from their snapshots. Returns, per partition, the offset to replay from
     * (absent: from the committed offset).
     */
    public Map<Integer, Long> acquire(java.util.Collection<Integer> partitions, long epoch, int partitionCount) {
        ownership.acquired(partitions, epoch, partitionCount);
        Map<Integer, Long> replayFrom = new HashMap<>();
        // the first assignment can come before the gate read the cooperation view on start: ask it now
        gate.refresh("partitions acquired");
        if (!gate.isOpen()) {
            return replayFrom;
        }
        Map<String, StreamSnapshot> latest = snapshots.readAll(java.time.Duration.ofSeconds(10));
        List<StreamSnapshot> restore = new ArrayList<>();
        long oldestMs = clock.millis() - config.snapshotMaxAge().toMillis();
        for (StreamSnapshot snap : latest.values()) {
            int p = StreamOwnership.partitionOf(snap.stream(), partitionCount);
            if (!partitions.contains(p) || !java.util.Objects.equals(snap.agreementId(), gate.agreementId())
                    || snap.takenAtMs() < oldestMs) {
                continue;
            }
            restore.add(snap);
            replayFrom.merge(p, snap.nextOffset(), Math::min);
        }
        handOvers.add(() -> restore(restore, epoch));
        return replayFrom;
    }

    /**
     * The consumer is giving partitions up (rebalance, shutdown): their streams' state goes to the snapshots topic
     * for the next owner, then leaves this instance. Waits for the worker up to a few seconds.
     */
    public void release(java.util.Collection<Integer> partitions, boolean writeSnapshots) {
        ownership.released(partitions);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        handOvers.add(() -> {
            try {
                Iterator<Stream> it = streams.values().iterator();
                while (it.hasNext()) {
                    Stream s = it.next();
                    if (partitions.contains(s.partition)) {
                        if (writeSnapshots && gate.isOpen()) {
                            snapshots.write(snapshotOf(s));
                        }
                        it.remove();
                    }
                }
                snapshots.flush();
            } finally {
                done.countDown();
            }
        });
        if (!running || worker == null || !worker.isAlive()) {
            runHandOvers();
            return;
        }
        try {
            if (!done.await(5, TimeUnit.SECONDS)) {
                Log.warnf("the fusion worker did not release partitions %s within 5 s", partitions);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void start(@Observes StartupEvent startup) {
        gate.whenClosed(this::requestClose);
        gate.refresh("start");
        running = true;
        worker = new Thread(this::work, "fusion-centre");
        worker.setDaemon(true);
        worker.start();
        persister = new Thread(this::persist, "fusion-track-store");
        persister.setDaemon(true);
        persister.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
        if (persister != null) {
            persister.interrupt();
        }
        productsExecutor.shutdownNow();
    }

    /**
     * Another instance publishes {@code stream} in a higher owner epoch than this one holds it in: this instance lost
     * the stream without noticing yet (e.g. it was paused past its session). It stops fusing it at once.
     */
    public void fence(String stream, long epoch) {
        long mine = ownership.epochOf(stream);
        if (mine >= 0 && mine < epoch) {
            int partition = ownership.partitionOf(stream);
            Log.warnf("stream %s is published in epoch %d, this instance holds it in %d: giving partition %d up", stream,
                    epoch, mine, partition);
            ownership.released(List.of(partition));
            handOvers.add(() -> streams.values().removeIf(s -> s.partition == partition));
        }
    }

    private void requestClose() {
        inbox.clear();
        closeRequested.set(true);
    }

    private void runHandOvers() {
        Runnable r;
        while ((r = handOvers.poll()) != null) {
            r.run();
        }
    }

    /** Streams taken over from their snapshots (on the worker). */
    private void restore(List<StreamSnapshot> restore, long epoch) {
        for (StreamSnapshot snap : restore) {
            Stream s = new Stream(snap.stream(), snap.exerciseId(), snap.partition(), epoch);
            try {
                s.tracker.readState(new java.io.DataInputStream(new java.io.ByteArrayInputStream(snap.tracker())));
            } catch (java.io.IOException e) {
                Log.warnf("snapshot of %s cannot be restored, the stream starts empty: %s", snap.stream(), e.getMessage());
                continue;
            }
            s.idPrefix = snap.idPrefix();
            for (StreamSnapshot.PublishedTrack t : snap.published()) {
                Published p = new Published(t.trackId());
                p.lastUpdate = t.lastUpdate();
                s.published.put(t.engineId(), p);
            }
            s.replayFrom = snap.nextOffset();
            s.nextOffset = snap.nextOffset();
            streams.put(s.name, s);
            Log.infof("stream %s taken over in epoch %d from a snapshot of epoch %d: %d tracks, replay from offset %d",
                    s.name, epoch, snap.epoch(), s.tracker.tracks().size(), snap.nextOffset());
        }
    }

    /** What the next owner needs (on the worker): state, ids, and the offset its reports not yet fused start at. */
    private StreamSnapshot snapshotOf(Stream s) {
        long from = s.nextOffset;
        for (Lane lane : s.lanes.values()) {
            for (Pending p : lane.pending) {
                from = Math.min(from, p.offset());
            }
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(4096);
        try {
            s.tracker.writeState(new java.io.DataOutputStream(bytes));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<StreamSnapshot.PublishedTrack> published = new ArrayList<>(s.published.size());
        for (Map.Entry<Long, Published> e : s.published.entrySet()) {
            published.add(new StreamSnapshot.PublishedTrack(e.getKey(), e.getValue().trackId, e.getValue().lastUpdate));
        }
        s.lastSnapshotNanos = System.nanoTime();
        return new StreamSnapshot(s.name, s.exerciseId, gate.agreementId(), s.epoch, s.partition, from, clock.millis(),
                s.idPrefix, published, bytes.toByteArray());
    }

    private void snapshotDue() {
        long now = System.nanoTime();
        for (Stream s : streams.values()) {
            if (now - s.lastSnapshotNanos >= snapshotIntervalNanos && s.nextOffset >= 0) {
                snapshots.write(snapshotOf(s));
            }
        }
    }

    // ---- the worker

    private void work() {
        List<Pending> drained = new ArrayList<>();
        while (running) {
            try {
                Pending first = inbox.poll(2, TimeUnit.MILLISECONDS);
                // a hand-over is queued before the reports of its partitions, so it runs before they are taken in
                runHandOvers();
                if (closeRequested.getAndSet(false)) {
                    closeAll();
                    continue;
                }
                if (first != null) {
                    drained.clear();
                    drained.add(first);
                    inbox.drainTo(drained, 50_000);
                    double nowS = nowSeconds();
                    for (Pending p : drained) {
                        Report r = p.report();
                        if (!ownership.ownsPartition(p.partition())) {
                            notOwned.increment();
                            continue;
                        }
                        Stream s = streams.get(r.stream());
                        if (s == null) {
                            s = new Stream(r.stream(), r.exerciseId(), p.partition(),
                                    ownership.epochOfPartition(p.partition()));
                            streams.put(s.name, s);
                        }
                        if (p.offset() < s.replayFrom) {
                            continue; // in the restored state already
                        }
                        s.nextOffset = Math.max(s.nextOffset, p.offset() + 1);
                        if (!s.recent.firstTime(r.party(), r.reportId(), r.tSeconds())) {
                            duplicates.increment();
                            continue;
                        }
                        Lane lane = s.lanes.computeIfAbsent(r.sensorId(), id -> new Lane());
                        lane.pending.add(p);
                        lane.lastArrivalNanos = p.receivedNanos();
                        lane.timing.arrived(r.tSeconds(), nowS - r.tSeconds());
                    }
                }
                collectProducts();
                processRipe();
                snapshotDue();
                copyLiveBiases();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Log.errorf(e, "fusion worker failed on a scan; continuing");
            }
        }
    }

    /** The tracker is the worker's alone: readers get a copy, refreshed every couple of seconds. */
    private void copyLiveBiases() {
        long now = System.nanoTime();
        if (now - biasesCopiedNanos < BIAS_COPY_NANOS) {
            return;
        }
        biasesCopiedNanos = now;
        Stream live = streams.get(Streams.LIVE);
        liveBiases.set(live == null ? List.of() : List.copyOf(live.tracker.sensorBiases()));
    }

    /**
     * Each radar's estimated bias in the live picture, as of a couple of seconds ago; empty while this instance does
     * not fuse the live stream (another replica does) or the centre is closed.
     */
    public List<SensorBias> liveSensorBiases() {
        return liveBiases.get();
    }

    private double nowSeconds() {
        Instant now = clock.instant();
        return now.getEpochSecond() + now.getNano() / 1e9;
    }

    /** Fuses, per stream and in time order, every scan that is ripe. */
    private void processRipe() {
        long now = System.nanoTime();
        double nowS = nowSeconds();
        Iterator<Stream> it = streams.values().iterator();
        while (it.hasNext()) {
            Stream s = it.next();
            while (true) {
                Lane head = null;
                double t = Double.POSITIVE_INFINITY;
                for (Lane lane : s.lanes.values()) {
                    Pending p = lane.pending.peek();
                    if (p != null && p.report().tSeconds() < t) {
                        t = p.report().tSeconds();
                        head = lane;
                    }
                }
                if (head == null || !ripe(s, head, t, now, nowS)) {
                    break;
                }
                scan(s, head, t);
            }
            if (s.tracker.tracks().size() == 0 && s.published.isEmpty() && idle(s)
                    && now - s.lastActivityNanos > TimeUnit.MINUTES.toNanos(10)) {
                it.remove();
                snapshots.delete(s.name);
            }
        }
    }

    private static boolean idle(Stream s) {
        for (Lane lane : s.lanes.values()) {
            if (!lane.pending.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A lane's oldest scan is ripe when it is complete (a later report of its sensor arrived, or none for the scan
     * gap) and no other active sensor is still expected to deliver something older (it may still send that time and its
     * delivery delay has not passed); or when it waited the reorder window.
     */
    private boolean ripe(Stream s, Lane head, double t, long now, double nowS) {
        if (now - head.pending.peek().receivedNanos() >= reorderWindowNanos) {
            return true;
        }
        if (!(head.timing.newestT() > t) && now - head.lastArrivalNanos < scanGapNanos) {
            return false;
        }
        for (Lane other : s.lanes.values()) {
            if (other == head || now - other.lastArrivalNanos > ACTIVE_SENSOR_NANOS || !other.timing.mayStillSendUpTo(t)) {
                continue;
            }
            if (nowS < t + other.timing.expectedDelayS(reorderWindowS)) {
                return false;
            }
        }
        return true;
    }

    /** Feeds the lane's reports of time {@code t} as one scan. */
    private void scan(Stream s, Lane lane, double t) {
        Tracker tracker = s.tracker;
        ReportBatch batch = s.batch;
        batch.clear();
        int n = 0;
        String traced = null;
        while (!lane.pending.isEmpty() && lane.pending.peek().report().tSeconds() == t) {
            Pending p = lane.pending.poll();
            Report r = p.report();
            if (p.traceparent() != null) {
                traced = p.traceparent();
            }
            int sensor = tracker.sensorIndex(r.sensorId());
            int party = tracker.partyIndex(r.party().name());
            RadarMeasurement m = r.radar();
            if (m != null) {
                // the measurement itself: the tracker corrects it by the radar's estimated bias before it associates
                batch.addPolar(m.rangeM(), m.azimuthRad(), m.elevationRad(), m.sigmaRangeM(), m.sigmaAzimuthRad(),
                        m.sigmaElevationRad(), m.siteXM(), m.siteYM(), m.siteZM(), sensor, party, r.exercise(),
                        r.reportId());
            } else if (r.covarianceM2() != null) {
                batch.add(r.xM(), r.yM(), r.zM(), r.covarianceM2(), 0, sensor, party, r.exercise(), r.reportId());
            } else {
                batch.add(r.xM(), r.yM(), r.zM(), r.sigmaM(), sensor, party, r.exercise(), r.reportId());
            }
            if (n == receivedOfScan.length) {
                receivedOfScan = java.util.Arrays.copyOf(receivedOfScan, n * 2);
            }
            receivedOfScan[n++] = p.receivedNanos();
        }
        // a span only for a scan with a traced report (an exercise's injects, a REST batch): untraced radars cost nothing
        Span span = traced == null ? null : traces.start("fusion scan", SpanKind.CONSUMER, traced);
        s.scanTraceparent = span == null ? null : Traceparent.of(span);
        try {
            if (!fuse(s, t, batch, n)) {
                return;
            }
        } finally {
            if (span != null) {
                span.setAttribute("mdcoop.fusion.stream", s.name);
                span.setAttribute("messaging.batch.message_count", n);
                span.end();
            }
        }
        long done = System.nanoTime();
        for (int i = 0; i < n; i++) {
            latency.record(done - receivedOfScan[i], TimeUnit.NANOSECONDS);
        }
    }

    /** Fuses one scan and publishes what changed; false when it was too late to fuse. */
    private boolean fuse(Stream s, double t, ReportBatch batch, int n) {
        Tracker tracker = s.tracker;
        if (t < tracker.lastScanSeconds()) {
            if (tracker.lastScanSeconds() - t > lateLagS) {
                late.increment(n);
                return false;
            }
            tracker.processLateScan(t, batch);
            retrodicted.increment(n);
        } else {
            tracker.processScan(t, batch);
        }
        fused.increment(n);
        s.scans++;
        s.lastActivityNanos = System.nanoTime();
        afterScan(s);
        return true;
    }

    /** Publishes every confirmed track with news since its last update, and the end of every track that is gone. */
    private void afterScan(Stream s) {
        TrackTable table = s.tracker.tracks();
        for (int slot = 0; slot < table.size(); slot++) {
            if (!table.isConfirmed(slot)) {
                continue;
            }
            long engineId = table.id(slot);
            Published p = s.published.get(engineId);
            if (p == null) {
                p = new Published(s.idPrefix + engineId);
                s.published.put(engineId, p);
            }
            p.seenInScan = s.scans;
            if (table.updates(slot) <= p.lastUpdate) {
                continue; // coasting: nothing new to say
            }
            p.lastUpdate = table.updates(slot);
            requestProducts(s, slot, p);
            FusedTrackMessage message = message(s, slot, p);
            p.last = message;
            TrackPayload update = new TrackPayload(message); // one JSON for the sender and the store
            publisher.publish(update, s.epoch, s.scanTraceparent);
            double t = table.stateTimeSeconds(slot);
            if (t - p.persistedAt >= config.persistInterval().toMillis() / 1000.0) {
                p.persistedAt = t;
                if (!toPersist.offer(new TrackStore.TrackUpdate(s.name, update))) {
                    p.persistedAt = Double.NEGATIVE_INFINITY; // the writer is behind: try with the next update
                }
            }
        }
        Iterator<Map.Entry<Long, Published>> ended = s.published.entrySet().iterator();
        while (ended.hasNext()) {
            Published p = ended.next().getValue();
            if (p.seenInScan == s.scans) {
                continue;
            }
            ended.remove();
            endedToPersist.offer(p.trackId);
            publisher.publishEnded(new TrackEndedMessage(p.trackId, s.name,
                    p.last == null ? clock.instant() : p.last.t(), TrackStore.DELETED, p.lastUpdate,
                    s.exerciseId != null, s.exerciseId), s.epoch, s.scanTraceparent);
        }
    }

    private FusedTrackMessage message(Stream s, int slot, Published p) {
        return TrackMessages.of(s.tracker, slot, s.name, s.exerciseId, p.trackId, p.lastUpdate, p.products);
    }

    /** Products for a new track at once, then at most every products interval (report time), beside the worker. */
    private void requestProducts(Stream s, int slot, Published p) {
        TrackTable table = s.tracker.tracks();
        double t = table.stateTimeSeconds(slot);
        boolean due = p.products == null
                || t - p.products.tSeconds() >= config.productsInterval().toMillis() / 1000.0;
        if (!due || p.productsInFlight) {
            return;
        }
        long engineId = table.id(slot);
        double[] x = new double[6];
        double[] cov = new double[36];
        table.copyState(slot, x, 0);
        table.copyCov(slot, cov, 0);
        int updates = table.updates(slot);
        List<String> parties = s.tracker.partyNames(table.partyMask(slot));
        List<String> sensors = s.tracker.sensorNames(table.sensorMask(slot));
        boolean exercise = table.exercise(slot);
        String stream = s.name;
        p.productsInFlight = true;
        try {
            productsExecutor.execute(() -> productsDone.add(new ProductsResult(stream, engineId,
                    productCalculator.compute(engineId, t, x, cov, updates, parties, sensors, exercise))));
        } catch (RejectedExecutionException busy) {
            p.productsInFlight = false; // try again with the next update
        }
    }

    /** Takes the computed products in (on the worker) for tracks that still exist. */
    private void collectProducts() {
        ProductsResult r;
        while ((r = productsDone.poll()) != null) {
            Stream s = streams.get(r.stream());
            Published p = s == null ? null : s.published.get(r.engineId());
            if (p == null) {
                continue;
            }
            p.productsInFlight = false;
            p.products = r.products(); // published with the track's next update
        }
    }

    /** The centre closed: forget every tracker and its snapshot. */
    private void closeAll() {
        inbox.clear();
        liveBiases.set(List.of());
        for (String name : streams.keySet()) {
            snapshots.delete(name); // never restored into another agreement
        }
        streams.clear();
        toPersist.clear();
        endedToPersist.clear();
        try {
            int n = trackStore.endAll(TrackStore.CLOSED, clock.instant());
            Log.infof("fusion centre closed: %d tracks taken out of the picture", n);
        } catch (RuntimeException e) {
            Log.warnf("could not mark the tracks closed: %s", e.getMessage());
        }
    }

    // ---- the track store writer (off the worker thread)

    private void persist() {
        List<TrackStore.TrackUpdate> updates = new ArrayList<>();
        List<String> ended = new ArrayList<>();
        while (running) {
            try {
                TrackStore.TrackUpdate first = toPersist.poll(200, TimeUnit.MILLISECONDS);
                updates.clear();
                ended.clear();
                if (first != null) {
                    updates.add(first);
                    toPersist.drainTo(updates, 5_000);
                }
                endedToPersist.drainTo(ended);
                if (!updates.isEmpty() || !ended.isEmpty()) {
                    // the last state per track is enough when the writer falls behind
                    Map<String, TrackStore.TrackUpdate> latest = new LinkedHashMap<>();
                    for (TrackStore.TrackUpdate u : updates) {
                        latest.put(u.message().trackId(), u);
                    }
                    trackStore.write(new ArrayList<>(latest.values()), ended, TrackStore.DELETED, clock.instant());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Log.warnf("track store write failed (the picture in memory is unaffected): %s", e.getMessage());
            }
        }
    }
}
