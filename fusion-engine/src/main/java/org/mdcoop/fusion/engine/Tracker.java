package org.mdcoop.fusion.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mdcoop.fusion.engine.association.Associator;
import org.mdcoop.fusion.engine.association.GnnAssociator;
import org.mdcoop.fusion.engine.association.HungarianSolver;
import org.mdcoop.fusion.engine.deletion.CoastingDeleter;
import org.mdcoop.fusion.engine.deletion.Deleter;
import org.mdcoop.fusion.engine.filter.ExtendedKalmanPredictor;
import org.mdcoop.fusion.engine.filter.KalmanPositionUpdater;
import org.mdcoop.fusion.engine.filter.Predictor;
import org.mdcoop.fusion.engine.filter.Updater;
import org.mdcoop.fusion.engine.gating.MahalanobisGater;
import org.mdcoop.fusion.engine.initiation.Confirmer;
import org.mdcoop.fusion.engine.initiation.Initiator;
import org.mdcoop.fusion.engine.initiation.MOfNConfirmer;
import org.mdcoop.fusion.engine.initiation.SinglePointInitiator;
import org.mdcoop.fusion.engine.model.BallisticMotionModel;
import org.mdcoop.fusion.engine.model.ConstantVelocityMotionModel;
import org.mdcoop.fusion.engine.model.Earth;
import org.mdcoop.fusion.engine.registration.SensorBias;
import org.mdcoop.fusion.engine.registration.SensorRegistration;

/**
 * Multi-target tracker composed of swappable components (predictor, updater, associator with its
 * gater, initiator, confirmer, deleter). Processes one scan (reports with the same time) at a time:
 * <ol>
 *   <li>predict every track to the scan time;</li>
 *   <li>associate confirmed tracks first, then tentative tracks with the reports left over (GNN);</li>
 *   <li>update assigned tracks, book hits/misses, confirm (M of N) or drop tentative tracks,
 *       delete coasting confirmed tracks;</li>
 *   <li>start a tentative track from every report left over that is not close to a confirmed track.</li>
 * </ol>
 * A scan books a miss only on tracks inside its sensors' coverage, i.e. tracks one of its sensors has reported
 * before: a radar that cannot see an object says nothing about it, so partial coverage still confirms. Reports older
 * than the last scan are fused by retrodiction ({@link #processLateScan}), not dropped.
 * Deterministic for a given input order. Single-threaded; no allocation per report once warm.
 */
public final class Tracker {
    private final Predictor predictor;
    private final Updater updater;
    private final Associator associator;
    private final Initiator initiator;
    private final Confirmer confirmer;
    private final Deleter deleter;
    /** Reports within this Mahalanobis d^2 of a confirmed track never start a new track. */
    private final double initiationExclusionD2;
    /** Null: no registration. */
    private final SensorRegistration registration;

    private final TrackTable tracks = new TrackTable(64);
    /** Scratch copy of the tracks moved back to a late scan's time. */
    private final TrackTable past = new TrackTable(64);
    private final Map<String, Integer> sensorIndex = new HashMap<>();
    private final Map<String, Integer> partyIndex = new HashMap<>();
    private final List<String> sensorNames = new ArrayList<>();
    private final List<String> partyNames = new ArrayList<>();

    private int[] trackToReport = new int[64];
    private boolean[] remove = new boolean[64];
    private boolean[] reportTaken = new boolean[64];
    private double[] minD2 = new double[64];
    private double lastScanSeconds = Double.NEGATIVE_INFINITY;
    private long reportsProcessed;
    private long lateReportsProcessed;

    public Tracker(Predictor predictor, Updater updater, Associator associator, Initiator initiator,
                   Confirmer confirmer, Deleter deleter, double initiationExclusionD2) {
        this(predictor, updater, associator, initiator, confirmer, deleter, initiationExclusionD2,
                new SensorRegistration());
    }

    /**
     * @param registration estimates and corrects the radars' biases (polar reports only); null = none: polar reports
     *                     are used as measured
     */
    public Tracker(Predictor predictor, Updater updater, Associator associator, Initiator initiator,
                   Confirmer confirmer, Deleter deleter, double initiationExclusionD2, SensorRegistration registration) {
        this.registration = registration;
        this.predictor = predictor;
        this.updater = updater;
        this.associator = associator;
        this.initiator = initiator;
        this.confirmer = confirmer;
        this.deleter = deleter;
        this.initiationExclusionD2 = initiationExclusionD2;
    }

    /** The ballistic EKF tracker (central gravity), tuned on the public scenarios. */
    public static Tracker ballistic() {
        return ballistic(BALLISTIC_PROCESS_NOISE_M2PS3);
    }

    public static Tracker ballistic(double processNoiseM2ps3) {
        return ballistic(processNoiseM2ps3, new SensorRegistration());
    }

    /** The ballistic tracker with the given registration (null = polar reports used as measured, no bias estimate). */
    public static Tracker ballistic(double processNoiseM2ps3, SensorRegistration registration) {
        return new Tracker(
                new ExtendedKalmanPredictor(new BallisticMotionModel(processNoiseM2ps3, 2.0)),
                new KalmanPositionUpdater(),
                new GnnAssociator(new MahalanobisGater(MahalanobisGater.CHI2_3DOF_P9999), new HungarianSolver(), 30_000.0),
                new SinglePointInitiator(4_000.0),
                new MOfNConfirmer(3, 4),
                new CoastingDeleter(),
                4 * MahalanobisGater.CHI2_3DOF_P9999,
                registration);
    }

    /** Baseline: same pieces with a nearly-constant-velocity model (no gravity). */
    public static Tracker constantVelocityBaseline(double processNoiseM2ps3) {
        return new Tracker(
                new ExtendedKalmanPredictor(new ConstantVelocityMotionModel(processNoiseM2ps3)),
                new KalmanPositionUpdater(),
                new GnnAssociator(new MahalanobisGater(MahalanobisGater.CHI2_3DOF_P9999), new HungarianSolver(), 30_000.0),
                new SinglePointInitiator(4_000.0),
                new MOfNConfirmer(3, 4),
                new CoastingDeleter(),
                4 * MahalanobisGater.CHI2_3DOF_P9999);
    }

    public static Tracker constantVelocityBaseline() {
        return constantVelocityBaseline(BASELINE_CV_PROCESS_NOISE_M2PS3);
    }

    /** Best of 3 .. 3000 on the raid (reference and generated alike, see docs/benchmarks.md). */
    public static final double BASELINE_CV_PROCESS_NOISE_M2PS3 = 300.0;

    /** Best of 1e-4 .. 1 on the raid (see docs/benchmarks.md) and NEES-consistent (BallisticFilterConsistencyTest). */
    public static final double BALLISTIC_PROCESS_NOISE_M2PS3 = 1.0e-4;

    /** Returns the index (0..63) used in sensor masks for a sensor id, registering it on first use. */
    public int sensorIndex(String sensorId) {
        Integer i = sensorIndex.get(sensorId);
        if (i != null) {
            return i;
        }
        int n = sensorNames.size();
        sensorIndex.put(sensorId, n);
        sensorNames.add(sensorId);
        return n;
    }

    public int partyIndex(String party) {
        Integer i = partyIndex.get(party);
        if (i != null) {
            return i;
        }
        int n = partyNames.size();
        partyIndex.put(party, n);
        partyNames.add(party);
        return n;
    }

    public List<String> sensorNames(long mask) {
        return names(sensorNames, mask);
    }

    public List<String> partyNames(long mask) {
        return names(partyNames, mask);
    }

    private static List<String> names(List<String> all, long mask) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.size() && i < 64; i++) {
            if ((mask & (1L << i)) != 0) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    /**
     * Version of the {@link #writeState} format; a snapshot of another version is refused, not misread. Format 2 adds
     * the registration; a format 1 snapshot (before registration) is still read, with every bias to be learned again.
     */
    public static final int STATE_FORMAT = 2;

    /**
     * Writes everything the tracker learned — tracks with their ids, the sensor and party indexes of their masks, the
     * time of the last scan — so that {@link #readState} on a tracker of the same configuration continues exactly where
     * this one is (a stream handed to another instance, or a restart).
     */
    public void writeState(DataOutput out) throws IOException {
        out.writeInt(STATE_FORMAT);
        out.writeDouble(lastScanSeconds);
        out.writeLong(reportsProcessed);
        out.writeLong(lateReportsProcessed);
        writeNames(out, sensorNames);
        writeNames(out, partyNames);
        tracks.write(out);
        out.writeBoolean(registration != null);
        if (registration != null) {
            registration.write(out);
        }
    }

    /** Replaces this tracker's state by a snapshot {@link #writeState} wrote. */
    public void readState(DataInput in) throws IOException {
        int format = in.readInt();
        if (format != STATE_FORMAT && format != 1) {
            throw new IOException("tracker snapshot format " + format + ", this engine reads 1 and " + STATE_FORMAT);
        }
        lastScanSeconds = in.readDouble();
        reportsProcessed = in.readLong();
        lateReportsProcessed = in.readLong();
        readNames(in, sensorNames, sensorIndex);
        readNames(in, partyNames, partyIndex);
        tracks.read(in);
        if (registration != null) {
            registration.clear();
        }
        if (format >= 2 && in.readBoolean()) {
            if (registration != null) {
                registration.read(in);
            } else {
                new SensorRegistration().read(in); // skipped: this tracker does not register
            }
        }
    }

    /** Each radar's estimated bias (sensors that sent polar reports, in registration order); empty without one. */
    public List<SensorBias> sensorBiases() {
        List<SensorBias> out = new ArrayList<>();
        if (registration == null) {
            return out;
        }
        for (int q = 0; q < sensorNames.size(); q++) {
            if (registration.knows(q)) {
                out.add(registration.estimate(q, sensorNames.get(q)));
            }
        }
        return out;
    }

    /** The sensor's estimated bias, if it has sent polar reports and this tracker registers. */
    public Optional<SensorBias> sensorBias(String sensorId) {
        Integer q = sensorIndex.get(sensorId);
        if (registration == null || q == null || !registration.knows(q)) {
            return Optional.empty();
        }
        return Optional.of(registration.estimate(q, sensorId));
    }

    private final double[] pos3 = new double[9];

    /**
     * The covariance to publish with the track in {@code slot}: its filter covariance plus, in the position block, what
     * the uncertainty of the radars' bias estimates adds ({@link SensorRegistration#addBiasCovariance}); the filter
     * covariance alone when nothing is registered. Written to {@code out[off..off+36)} (6x6 row-major).
     */
    public void publishedCovariance(int slot, double[] out, int off) {
        tracks.copyCov(slot, out, off);
        if (registration == null) {
            return;
        }
        java.util.Arrays.fill(pos3, 0.0);
        registration.addBiasCovariance(tracks.state(slot, 0), tracks.state(slot, 1), tracks.state(slot, 2),
                tracks.sensorMask(slot), pos3, 0);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[off + i * 6 + j] += pos3[i * 3 + j];
            }
        }
    }

    /** The registration (null if this tracker has none). */
    public SensorRegistration registration() {
        return registration;
    }

    private static void writeNames(DataOutput out, List<String> names) throws IOException {
        out.writeInt(names.size());
        for (String n : names) {
            out.writeUTF(n);
        }
    }

    private static void readNames(DataInput in, List<String> names, Map<String, Integer> index) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 4096) {
            throw new IOException("implausible name count in a snapshot: " + n);
        }
        names.clear();
        index.clear();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            index.put(name, i);
            names.add(name);
        }
    }

    public TrackTable tracks() {
        return tracks;
    }

    public Predictor predictor() {
        return predictor;
    }

    public long reportsProcessed() {
        return reportsProcessed;
    }

    public double lastScanSeconds() {
        return lastScanSeconds;
    }

    public int confirmedCount() {
        int n = 0;
        for (int s = 0; s < tracks.size(); s++) {
            if (tracks.isConfirmed(s)) {
                n++;
            }
        }
        return n;
    }

    /** Processes one scan: every report in {@code batch} was taken at {@code tSeconds}. */
    public void processScan(double tSeconds, ReportBatch batch) {
        int nReports = batch.size();
        ensureBuffers(nReports);
        // 1. predict, 2. associate: confirmed first, then tentative tracks with what is left
        double[] x = tracks.state;
        double[] p = tracks.cov;
        int n = tracks.size();
        if (registration != null) {
            registration.correct(batch);
        }
        predictAndAssociate(tracks, tSeconds, batch);
        if (registration != null) {
            registration.learn(tracks, trackToReport, batch, tSeconds);
        }
        // 3. update, book-keeping, confirmation and deletion
        // a batch with the same time as the previous one continues that scan (report-by-report input):
        // hits are added to the scan's bit, misses are not booked twice
        boolean continuation = tSeconds == lastScanSeconds;
        boolean anyRemoved = false;
        long scanSensors = sensorsOf(batch);
        for (int s = 0; s < n; s++) {
            int j = trackToReport[s];
            boolean hit = j >= 0 && updater.update(x, s * 6, p, s * 36, batch.xM[j], batch.yM[j], batch.zM[j],
                    batch.covM2, j * 9);
            if (!hit && (tracks.sensorMask[s] & scanSensors) == 0) {
                // outside this scan's coverage: no miss, no vote; a confirmed track may still time out
                remove[s] = tracks.status[s] == TrackTable.CONFIRMED && deleter.shouldDelete(tracks, s, tSeconds);
                anyRemoved |= remove[s];
                continue;
            }
            boolean sameScanAsStart = continuation && tracks.firstUpdateSeconds[s] == tSeconds;
            if (!continuation) {
                tracks.hitHistory[s] = (tracks.hitHistory[s] << 1) | (hit ? 1 : 0);
                tracks.scansSeen[s]++;
            } else if (hit && !sameScanAsStart) {
                tracks.hitHistory[s] |= 1;
            }
            if (continuation && !hit) {
                remove[s] = false;
                continue;
            }
            if (hit) {
                tracks.updates[s]++;
                tracks.consecutiveMisses[s] = 0;
                tracks.lastUpdateSeconds[s] = tSeconds;
                tracks.sensorMask[s] |= 1L << (batch.sensorIndex[j] & 63);
                tracks.partyMask[s] |= 1L << (batch.partyIndex[j] & 63);
                tracks.exercise[s] &= batch.exercise[j];
            } else {
                tracks.consecutiveMisses[s]++;
            }
            if (continuation && sameScanAsStart) {
                remove[s] = false; // a second report of the starting scan does not count as a second hit
                continue;
            }
            boolean drop;
            if (tracks.status[s] == TrackTable.TENTATIVE) {
                int decision = confirmer.decide(tracks.hitHistory[s], tracks.scansSeen[s]);
                drop = decision == Confirmer.DROP || belowFloorDescending(s);
                if (decision == Confirmer.CONFIRM && !drop) {
                    tracks.status[s] = TrackTable.CONFIRMED;
                }
            } else {
                drop = deleter.shouldDelete(tracks, s, tSeconds);
            }
            remove[s] = drop;
            anyRemoved |= drop;
        }
        if (anyRemoved) {
            tracks.compact(remove);
        }
        // 4. initiate from reports nobody took and that are not near a confirmed track
        initiateFromLeftovers(tSeconds, batch);
        lastScanSeconds = tSeconds;
        reportsProcessed += nReports;
    }

    /**
     * Fuses a scan older than the last one (a report delivered late) by retrodiction: every track is predicted back to
     * {@code tSeconds} on a scratch copy, the late reports are associated there (confirmed tracks first), each hit
     * track is updated at that time and predicted forward again to its current time, replacing its state. Late hits
     * count as hits; nobody is charged a miss (the scan's time has passed for the tracks that were not hit). A late
     * report nobody takes, and that is not close to a confirmed track, starts a tentative track at its own time.
     * The exactness lost is the process noise between the two times, which is tiny for ballistic motion.
     */
    public void processLateScan(double tSeconds, ReportBatch batch) {
        if (tSeconds >= lastScanSeconds) {
            processScan(tSeconds, batch);
            return;
        }
        int nReports = batch.size();
        ensureBuffers(nReports);
        if (registration != null) {
            registration.correct(batch); // late residuals are not learned from: the tracks have moved on
        }
        past.copyFrom(tracks);
        int n = past.size();
        double[] px = past.state;
        double[] pp = past.cov;
        predictAndAssociate(past, tSeconds, batch);
        for (int s = 0; s < n; s++) {
            int j = trackToReport[s];
            if (j < 0 || !updater.update(px, s * 6, pp, s * 36, batch.xM[j], batch.yM[j], batch.zM[j], batch.covM2,
                    j * 9)) {
                continue;
            }
            double back = tracks.stateTimeSeconds[s] - tSeconds;
            predictor.predict(px, s * 6, pp, s * 36, back);
            System.arraycopy(px, s * 6, tracks.state, s * 6, 6);
            System.arraycopy(pp, s * 36, tracks.cov, s * 36, 36);
            tracks.updates[s]++;
            tracks.consecutiveMisses[s] = 0;
            tracks.lastUpdateSeconds[s] = Math.max(tracks.lastUpdateSeconds[s], tSeconds);
            tracks.sensorMask[s] |= 1L << (batch.sensorIndex[j] & 63);
            tracks.partyMask[s] |= 1L << (batch.partyIndex[j] & 63);
            tracks.exercise[s] &= batch.exercise[j];
            if (tracks.firstUpdateSeconds[s] != tSeconds) {
                // a scan that arrived late is still a scan that saw the track
                tracks.hitHistory[s] = (tracks.hitHistory[s] << 1) | 1;
                tracks.scansSeen[s]++;
                if (tracks.status[s] == TrackTable.TENTATIVE
                        && confirmer.decide(tracks.hitHistory[s], tracks.scansSeen[s]) == Confirmer.CONFIRM) {
                    tracks.status[s] = TrackTable.CONFIRMED;
                }
            }
        }
        initiateFromLeftovers(tSeconds, batch);
        reportsProcessed += nReports;
        lateReportsProcessed += nReports;
    }

    /** Predicts every track of {@code table} to the scan's time and associates the batch: confirmed tracks first. */
    private void predictAndAssociate(TrackTable table, double tSeconds, ReportBatch batch) {
        int n = table.size();
        for (int s = 0; s < n; s++) {
            double dt = tSeconds - table.stateTimeSeconds[s];
            if (dt != 0.0) {
                predictor.predict(table.state, s * 6, table.cov, s * 36, dt);
                table.stateTimeSeconds[s] = tSeconds;
            }
        }
        int nReports = batch.size();
        Arrays.fill(reportTaken, 0, nReports, false);
        Arrays.fill(minD2, 0, nReports, Double.POSITIVE_INFINITY);
        Arrays.fill(trackToReport, 0, n, -1);
        associator.associate(table, TrackTable.CONFIRMED, batch, reportTaken, trackToReport, minD2);
        associator.associate(table, TrackTable.TENTATIVE, batch, reportTaken, trackToReport, null);
    }

    /** Starts a tentative track from every report nobody took that is not close to a confirmed track. */
    private void initiateFromLeftovers(double tSeconds, ReportBatch batch) {
        for (int j = 0; j < batch.size(); j++) {
            if (reportTaken[j] || minD2[j] < initiationExclusionD2) {
                continue;
            }
            int s = tracks.add(tSeconds);
            initiator.initiate(batch.xM[j], batch.yM[j], batch.zM[j], batch.covM2, j * 9,
                    tracks.state, s * 6, tracks.cov, s * 36);
            tracks.sensorMask[s] = 1L << (batch.sensorIndex[j] & 63);
            tracks.partyMask[s] = 1L << (batch.partyIndex[j] & 63);
            tracks.exercise[s] = batch.exercise[j];
        }
    }

    /** Reports fused by retrodiction so far. */
    public long lateReportsProcessed() {
        return lateReportsProcessed;
    }

    private static long sensorsOf(ReportBatch batch) {
        long mask = 0;
        for (int j = 0; j < batch.size(); j++) {
            mask |= 1L << (batch.sensorIndex[j] & 63);
        }
        return mask;
    }

    /**
     * Report-by-report processing: a batch (typically of one report). Consecutive calls with the same
     * time form one scan, so a track is not charged a miss for every report of another object.
     */
    public void processReport(double tSeconds, ReportBatch single) {
        processScan(tSeconds, single);
    }

    private boolean belowFloorDescending(int s) {
        double[] x = tracks.state;
        double px = x[s * 6], py = x[s * 6 + 1], pz = x[s * 6 + 2];
        return Earth.altitudeM(px, py, pz) < 20_000.0 && px * x[s * 6 + 3] + py * x[s * 6 + 4] + pz * x[s * 6 + 5] < 0;
    }

    private void ensureBuffers(int nReports) {
        int nTracks = tracks.size() + nReports + 1;
        if (trackToReport.length < nTracks) {
            trackToReport = new int[nTracks * 2];
            remove = new boolean[nTracks * 2];
        }
        if (reportTaken.length < nReports) {
            reportTaken = new boolean[nReports * 2];
            minD2 = new double[nReports * 2];
        }
    }
}
