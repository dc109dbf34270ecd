package org.mdcoop.fusion.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.FusedTrackMessage;
import org.mdcoop.fusion.domain.Report;
import org.mdcoop.fusion.domain.Streams;
import org.mdcoop.fusion.engine.ReportBatch;
import org.mdcoop.fusion.engine.TrackTable;
import org.mdcoop.fusion.engine.Tracker;
import org.mdcoop.fusion.engine.products.TrackProductCalculator;
import org.mdcoop.fusion.engine.products.TrackProducts;
import org.mdcoop.fusion.persistence.ReportStore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The fusion centre: one {@link Tracker} per stream (the live picture, and one per exercise, which never mix), fed
 * in time order by a single worker thread. Stored reports arrive through {@link #submit}; each waits at most the
 * reorder window so that reports of several sensors (several Kafka partitions) reach the tracker sorted by time.
 * After every scan the updated confirmed tracks are published, put in the picture and (thinned) persisted.
 */
@ApplicationScoped
public class FusionCentre {

    private record Pending(Report report, long receivedNanos, long seq) {
    }

    private static final Comparator<Pending> TIME_ORDER = Comparator
            .comparingDouble((Pending p) -> p.report().tSeconds()).thenComparingLong(Pending::seq);

    /** The state of one stream; touched only by the worker thread (and by recovery before it starts). */
    private final class Stream {
        final String name;
        final UUID exerciseId;
        final Tracker tracker = Tracker.ballistic();
        final ReportBatch batch = new ReportBatch();
        final PriorityQueue<Pending> pending = new PriorityQueue<>(TIME_ORDER);
        final Map<Long, String> trackIds = new HashMap<>();
        final Map<Long, TrackProducts> products = new HashMap<>();
        final Map<Long, Double> persistedAt = new HashMap<>();
        final Set<Long> confirmed = new HashSet<>();
        final Set<Long> productsInFlight = new HashSet<>();
        final List<Long> receivedOfScan = new ArrayList<>();
        final String idPrefix;
        /** Per sensor: the newest report time seen, and when (nanoTime) it last delivered. */
        final Map<String, double[]> sensorClock = new HashMap<>();
        long lastActivityNanos = System.nanoTime();

        Stream(String name, UUID exerciseId) {
            this.name = name;
            this.exerciseId = exerciseId;
            this.idPrefix = Streams.tag(name) + "-" + incarnation + "-";
        }
    }

    private final FusionConfig config;
    private final CentreGate gate;
    private final TrackPublisher publisher;
    private final Picture picture;
    private final TrackStore trackStore;
    private final ReportStore reportStore;
    private final Clock clock;
    private final TrackProductCalculator productCalculator = new TrackProductCalculator();
    /** Launch/impact/class refreshes (milliseconds each) run beside the worker, on their own calculator. */
    private final TrackProductCalculator asyncCalculator = new TrackProductCalculator();
    private final java.util.concurrent.ThreadPoolExecutor productsExecutor = new java.util.concurrent.ThreadPoolExecutor(
            1, 1, 0, TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "fusion-products");
                t.setDaemon(true);
                return t;
            });
    private record ProductsResult(String stream, long engineId, TrackProducts products) {
    }
    private final java.util.concurrent.ConcurrentLinkedQueue<ProductsResult> productsDone =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final String incarnation = Long.toString(System.currentTimeMillis(), 36);

    private final BlockingQueue<Pending> inbox = new LinkedBlockingQueue<>();
    private final AtomicLong seq = new AtomicLong();
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private final Map<String, Stream> streams = new LinkedHashMap<>();
    private final BlockingQueue<TrackStore.TrackUpdate> toPersist = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> endedToPersist = new LinkedBlockingQueue<>();

    private final Counter fused;
    private final Counter late;
    private final Timer latency;

    private volatile boolean running;
    private Thread worker;
    private Thread persister;

    public FusionCentre(FusionConfig config, CentreGate gate, TrackPublisher publisher, Picture picture,
            TrackStore trackStore, ReportStore reportStore, Clock clock, MeterRegistry registry) {
        this.config = config;
        this.gate = gate;
        this.publisher = publisher;
        this.picture = picture;
        this.trackStore = trackStore;
        this.reportStore = reportStore;
        this.clock = clock;
        this.fused = registry.counter("fusion.reports.fused");
        this.late = Counter.builder("fusion.reports.late")
                .description("stored reports older than their stream's last processed scan: not fed to the tracker")
                .register(registry);
        this.latency = Timer.builder("fusion.processing.latency")
                .description("from a report's ingest to the publication of the scan it belongs to")
                .publishPercentiles(0.5, 0.99).register(registry);
        registry.gauge("fusion.reports.pending", inbox, BlockingQueue::size);
    }

    /** Hands stored reports to the tracker (ignored while the centre is closed). */
    public void submit(List<Report> reports) {
        if (reports.isEmpty() || !gate.isOpen()) {
            return;
        }
        long now = System.nanoTime();
        for (Report r : reports) {
            inbox.add(new Pending(r, now, seq.incrementAndGet()));
        }
    }

    void start(@Observes StartupEvent startup) {
        gate.whenClosed(this::requestClose);
        gate.refresh("start");
        try {
            recover();
        } catch (RuntimeException e) {
            Log.errorf(e, "the picture could not be recovered; starting empty");
            streams.clear();
        }
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

    private void requestClose() {
        inbox.clear();
        closeRequested.set(true);
    }

    // ---- the worker

    private void work() {
        List<Pending> drained = new ArrayList<>();
        while (running) {
            try {
                Pending first = inbox.poll(10, TimeUnit.MILLISECONDS);
                if (closeRequested.getAndSet(false)) {
                    closeAll();
                    continue;
                }
                if (first != null) {
                    drained.clear();
                    drained.add(first);
                    inbox.drainTo(drained, 50_000);
                    for (Pending p : drained) {
                        Stream s = streams.computeIfAbsent(p.report().stream(),
                                name -> new Stream(name, p.report().exerciseId()));
                        s.pending.add(p);
                        double[] c = s.sensorClock.computeIfAbsent(p.report().sensorId(),
                                id -> new double[] { Double.NEGATIVE_INFINITY, 0 });
                        c[0] = Math.max(c[0], p.report().tSeconds());
                        c[1] = p.receivedNanos();
                    }
                }
                collectProducts();
                processRipe(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Log.errorf(e, "fusion worker failed on a scan; continuing");
            }
        }
    }

    /**
     * Feeds every scan that is ripe: its time is not after the stream's watermark (the oldest "newest report time"
     * among the active sensors), so no report of an active sensor can still arrive
     * before it; or its reports have waited the reorder window (a sensor fell silent).
     */
    private void processRipe(boolean publish) {
        long now = System.nanoTime();
        long windowNanos = config.reorderWindow().toNanos();
        var it = streams.values().iterator();
        while (it.hasNext()) {
            Stream s = it.next();
            double watermark = watermark(s, now);
            while (!s.pending.isEmpty()) {
                Pending head = s.pending.peek();
                double t = head.report().tSeconds();
                boolean ripe = t <= watermark || now - head.receivedNanos() >= windowNanos;
                if (!ripe) {
                    break;
                }
                scan(s, t, publish);
            }
            if (s.pending.isEmpty() && s.tracker.tracks().size() == 0 && s.confirmed.isEmpty()
                    && now - s.lastActivityNanos > TimeUnit.MINUTES.toNanos(10)) {
                it.remove();
            }
        }
    }

    private static final long ACTIVE_SENSOR_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** A sensor counts as active if it delivered within the last second, or if its reports are at most this far
     * (report time) behind the newest sensor's: a consumer catching up on several partitions still sorts them. */
    private static final double ACTIVE_SENSOR_LAG_SECONDS = 2.0;

    private static double watermark(Stream s, long now) {
        double newest = Double.NEGATIVE_INFINITY;
        for (double[] c : s.sensorClock.values()) {
            newest = Math.max(newest, c[0]);
        }
        double w = Double.POSITIVE_INFINITY;
        boolean any = false;
        for (double[] c : s.sensorClock.values()) {
            if (now - (long) c[1] > ACTIVE_SENSOR_NANOS && c[0] < newest - ACTIVE_SENSOR_LAG_SECONDS) {
                continue;
            }
            any = true;
            w = Math.min(w, c[0]);
        }
        return any ? w : Double.NEGATIVE_INFINITY;
    }

    /** Feeds every pending report of time {@code t} as one scan; returns whether track updates were published. */
    private boolean scan(Stream s, double t, boolean publish) {
        Tracker tracker = s.tracker;
        ReportBatch batch = s.batch;
        batch.clear();
        s.receivedOfScan.clear();
        boolean isLate = t < tracker.lastScanSeconds();
        while (!s.pending.isEmpty() && s.pending.peek().report().tSeconds() == t) {
            Pending p = s.pending.poll();
            Report r = p.report();
            if (isLate) {
                late.increment();
                continue;
            }
            int sensor = tracker.sensorIndex(r.sensorId());
            int party = tracker.partyIndex(r.party().name());
            if (r.covarianceM2() != null) {
                batch.add(r.xM(), r.yM(), r.zM(), r.covarianceM2(), 0, sensor, party, r.exercise(), r.reportId());
            } else {
                batch.add(r.xM(), r.yM(), r.zM(), r.sigmaM(), sensor, party, r.exercise(), r.reportId());
            }
            s.receivedOfScan.add(p.receivedNanos());
        }
        if (batch.size() == 0) {
            return false;
        }
        tracker.processScan(t, batch);
        fused.increment(batch.size());
        s.lastActivityNanos = System.nanoTime();
        return afterScan(s, t, publish);
    }

    private boolean afterScan(Stream s, double t, boolean publish) {
        TrackTable table = s.tracker.tracks();
        Set<Long> stillConfirmed = new HashSet<>();
        boolean sent = false;
        for (int slot = 0; slot < table.size(); slot++) {
            if (!table.isConfirmed(slot)) {
                continue;
            }
            long engineId = table.id(slot);
            stillConfirmed.add(engineId);
            if (table.lastUpdateSeconds(slot) != t) {
                continue; // coasting: nothing new to say
            }
            FusedTrackMessage message = message(s, slot, t);
            if (!publish) {
                continue;
            }
            sent |= publisher.publish(message);
            picture.put(message);
            boolean newlyConfirmed = s.confirmed.add(engineId);
            Double persisted = s.persistedAt.get(engineId);
            if (newlyConfirmed || persisted == null || t - persisted >= config.persistInterval().toMillis() / 1000.0) {
                s.persistedAt.put(engineId, t);
                toPersist.add(new TrackStore.TrackUpdate(s.name, message));
            }
        }
        // confirmed tracks the deleter removed leave the picture
        if (s.confirmed.size() > stillConfirmed.size() || !stillConfirmed.containsAll(s.confirmed)) {
            var it = s.confirmed.iterator();
            while (it.hasNext()) {
                long engineId = it.next();
                if (!stillConfirmed.contains(engineId)) {
                    it.remove();
                    String id = s.trackIds.remove(engineId);
                    s.products.remove(engineId);
                    s.productsInFlight.remove(engineId);
                    s.persistedAt.remove(engineId);
                    if (id != null && publish) {
                        picture.remove(id);
                        endedToPersist.add(id);
                    }
                }
            }
        }
        if (publish) {
            long now = System.nanoTime();
            for (long received : s.receivedOfScan) {
                latency.record(now - received, TimeUnit.NANOSECONDS);
            }
        }
        return sent;
    }

    private FusedTrackMessage message(Stream s, int slot, double t) {
        TrackTable table = s.tracker.tracks();
        long engineId = table.id(slot);
        String trackId = s.trackIds.computeIfAbsent(engineId, id -> s.idPrefix + id);
        TrackProducts products = s.products.get(engineId);
        if (products == null) {
            // a newly confirmed track gets its products at once
            products = productCalculator.compute(s.tracker, slot);
            s.products.put(engineId, products);
        } else if (t - products.tSeconds() >= config.productsInterval().toMillis() / 1000.0
                && s.productsInFlight.add(engineId)) {
            refreshProductsAsync(s, slot, engineId);
        }
        double x = table.state(slot, 0), y = table.state(slot, 1), z = table.state(slot, 2);
        double vx = table.state(slot, 3), vy = table.state(slot, 4), vz = table.state(slot, 5);
        double[] geo = org.mdcoop.fusion.domain.Geodesy.toGeodetic(x, y, z);
        List<Party> parties = s.tracker.partyNames(table.partyMask(slot)).stream().map(Party::valueOf).sorted().toList();
        TrackProducts.SurfacePoint launch = products.launchPoint();
        TrackProducts.ImpactPrediction impact = products.impact();
        return new FusedTrackMessage(trackId, instant(t), x, y, z, vx, vy, vz, geo[0], geo[1], geo[2],
                Math.sqrt(vx * vx + vy * vy + vz * vz), parties, products.missileClass().name(),
                products.classConfidence(), launch.latDeg(), launch.lonDeg(), impact.latDeg(), impact.lonDeg(),
                instant(impact.tSeconds()), impact.semiMajorM(), impact.semiMinorM(), impact.orientationDeg(),
                table.exercise(slot), s.exerciseId);
    }

    private void refreshProductsAsync(Stream s, int slot, long engineId) {
        TrackTable table = s.tracker.tracks();
        double[] x = new double[6];
        double[] p = new double[36];
        table.copyState(slot, x, 0);
        table.copyCov(slot, p, 0);
        double t = table.stateTimeSeconds(slot);
        int updates = table.updates(slot);
        List<String> parties = s.tracker.partyNames(table.partyMask(slot));
        List<String> sensors = s.tracker.sensorNames(table.sensorMask(slot));
        boolean exercise = table.exercise(slot);
        String stream = s.name;
        try {
            productsExecutor.execute(() -> productsDone.add(new ProductsResult(stream, engineId,
                    asyncCalculator.compute(engineId, t, x, p, updates, parties, sensors, exercise))));
        } catch (java.util.concurrent.RejectedExecutionException busy) {
            s.productsInFlight.remove(engineId); // try again with the next update
        }
    }

    /** Takes the refreshed products in (on the worker), for tracks that still exist. */
    private void collectProducts() {
        ProductsResult r;
        while ((r = productsDone.poll()) != null) {
            Stream s = streams.get(r.stream());
            if (s != null && s.productsInFlight.remove(r.engineId()) && s.products.containsKey(r.engineId())) {
                s.products.put(r.engineId(), r.products());
            }
        }
    }

    private static Instant instant(double epochSeconds) {
        long seconds = (long) Math.floor(epochSeconds);
        long nanos = Math.round((epochSeconds - seconds) * 1e9);
        return Instant.ofEpochSecond(seconds, Math.min(nanos, 999_999_999L));
    }

    /** The centre closed: forget every tracker and take the picture down. */
    private void closeAll() {
        inbox.clear();
        streams.clear();
        picture.clear();
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

    // ---- recovery on start

    /**
     * Rebuilds each stream's tracker from the reports of the last {@code recovery-window} (not from all history),
     * without publishing, then gives the recovered tracks the ids they had before the restart by matching them to
     * the stored confirmed tracks (same stream, position extrapolated to the same time within 10 km).
     */
    private void recover() {
        List<TrackStore.StoredTrack> stored = trackStore.confirmed();
        if (!gate.isOpen()) {
            if (!stored.isEmpty()) {
                trackStore.endAll(TrackStore.CLOSED, clock.instant());
            }
            return;
        }
        Instant from = clock.instant().minus(config.recoveryWindow());
        List<Report> tail = reportStore.since(from);
        for (Report r : tail) {
            Stream s = streams.computeIfAbsent(r.stream(), name -> new Stream(name, r.exerciseId()));
            s.pending.add(new Pending(r, 0, seq.incrementAndGet()));
        }
        for (Stream s : streams.values()) {
            while (!s.pending.isEmpty()) {
                scan(s, s.pending.peek().report().tSeconds(), false);
            }
        }
        Set<String> reused = new HashSet<>();
        int recovered = 0;
        for (Stream s : streams.values()) {
            TrackTable table = s.tracker.tracks();
            for (int slot = 0; slot < table.size(); slot++) {
                if (!table.isConfirmed(slot)) {
                    continue;
                }
                long engineId = table.id(slot);
                double t = table.lastUpdateSeconds(slot);
                TrackStore.StoredTrack match = nearest(stored, reused, s.name, table, slot, t);
                if (match != null) {
                    reused.add(match.trackId());
                    s.trackIds.put(engineId, match.trackId());
                }
                FusedTrackMessage message = message(s, slot, table.stateTimeSeconds(slot));
                s.confirmed.add(engineId);
                s.persistedAt.put(engineId, t);
                picture.put(message);
                recovered++;
            }
        }
        List<String> gone = stored.stream().map(TrackStore.StoredTrack::trackId).filter(id -> !reused.contains(id))
                .toList();
        if (!gone.isEmpty()) {
            trackStore.write(List.of(), gone, TrackStore.DELETED, clock.instant());
        }
        Log.infof("picture recovered from %d reports of the last %s: %d confirmed tracks (%d with their former ids)",
                tail.size(), config.recoveryWindow(), recovered, reused.size());
    }

    private static TrackStore.StoredTrack nearest(List<TrackStore.StoredTrack> stored, Set<String> reused,
            String stream, TrackTable table, int slot, double t) {
        TrackStore.StoredTrack best = null;
        double bestM = 10_000.0;
        for (TrackStore.StoredTrack st : stored) {
            if (!st.stream().equals(stream) || reused.contains(st.trackId())) {
                continue;
            }
            FusedTrackMessage m = st.last();
            double dt = t - (m.t().getEpochSecond() + m.t().getNano() / 1e9);
            double dx = m.xM() + m.vxMps() * dt - table.state(slot, 0);
            double dy = m.yM() + m.vyMps() * dt - table.state(slot, 1);
            double dz = m.zM() + m.vzMps() * dt - table.state(slot, 2);
            double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
            if (d < bestM) {
                bestM = d;
                best = st;
            }
        }
        return best;
    }
}
