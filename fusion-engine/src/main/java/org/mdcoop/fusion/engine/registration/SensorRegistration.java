package org.mdcoop.fusion.engine.registration;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.mdcoop.fusion.engine.ReportBatch;
import org.mdcoop.fusion.engine.TrackTable;
import org.mdcoop.fusion.engine.filter.Mat;
import org.mdcoop.fusion.engine.measurement.PolarMeasurement;

/**
 * Online registration of radars: one joint Kalman filter estimates every radar's constant bias b = (range, azimuth,
 * elevation) from pairs of reports of the same object by two different radars. A radar's report corrected by the
 * current estimate and converted to a position reads p = x + J (b - b^ + n) (J = d position / d (r, az, el)), so two
 * radars' reports k and l of one track, the earlier moved to the later one's time with the track's velocity, differ by
 * <pre>
 *   d = p_k - p_l - v (t_k - t_l) = J_k e_k - J_l e_l + noise,   e = b - b^,
 *   noise covariance  J_k R_k J_k^T + J_l R_l J_l^T + P_v (t_k - t_l)^2
 * </pre>
 * and each pair is one Kalman update of the stacked biases of all radars (H = [.. J_k .. -J_l ..]). Reports are
 * compared with each other, not with the track: a track is mostly made of the reports it is compared with, so a
 * residual against it would hide most of the radar's own bias (a per-radar filter on such residuals was tried and
 * drifted by hundreds of metres on an unbiased raid, see docs/fusion-service.md). The joint state keeps the
 * correlations between radars (a range bias of one radar and the angle biases of another can trade off) so the
 * uncertainties stay honest. A random walk (a small fraction of each radar's sigmas per sqrt(s)) lets it follow a
 * slow drift and keeps it from growing overconfident.
 * <p>
 * {@link #correct} applies the estimate before association: every polar report is converted from its measurement
 * minus b^, with R + B_k as its covariance (the corrected measurement is only as good as the correction). A separate
 * filter, not an augmented track state: the biases would couple every track into one state of 6 N + 3 M, which a
 * tracker of a thousand objects cannot afford per scan; this one costs O(M^2) per pair for M radars.
 * Deterministic; not thread-safe.
 */
public final class SensorRegistration {

    /**
     * @param priorRangeSigmas    prior 1-sigma of a range bias, in units of the radar's range sigma
     * @param priorAngleSigmas    prior 1-sigma of an angle bias, in units of the radar's angle sigma
     * @param driftPerSqrtSecond  random walk of the bias per sqrt(s), in units of the radar's sigmas
     * @param gateNis             pairs with a normalised squared difference above this are left out (3 dof)
     * @param minTrackUpdates     a track takes part once it has had this many updates
     * @param minResiduals        pairs needed before an estimate may be called reliable
     * @param reliableSigmas      reliable when every bias sigma is at most this fraction of the radar's sigma
     * @param ewmaWeight          weight of the newest pair in the running mean of the normalised squared differences
     * @param driftThreshold      drifting when that running mean exceeds this (3 expected)
     * @param maxPairGapSeconds   two reports of a track further apart in time than this are not compared
     */
    public record Config(double priorRangeSigmas, double priorAngleSigmas, double driftPerSqrtSecond, double gateNis,
                         int minTrackUpdates, int minResiduals, double reliableSigmas, double ewmaWeight,
                         double driftThreshold, double maxPairGapSeconds) {
        /** Prior as the generator's bias model (2 range sigmas, 1.5 angle sigmas); see docs/fusion-service.md. */
        public static Config defaults() {
            return new Config(2.0, 1.5, 0.01, 16.266, 5, 200, 0.35, 0.01, 6.0,
                    1.0);
        }
    }

    private static final int FORMAT = 1;
    /** Per remembered report: time, sensor index, then range, az, el, their sigmas, site x, y, z. */
    private static final int MEMO = 11;

    private final Config config;
    private int n;
    private int cap;
    private boolean[] known = new boolean[0];
    /** Stacked estimates, 3 per sensor index. */
    private double[] b = new double[0];
    /** Their joint covariance, (3 cap) x (3 cap) row-major. */
    private double[] bCov = new double[0];
    /** Per sensor 3: the radar's own sigmas (range, az, el), from its first report. */
    private double[] sigma = new double[0];
    /** Per sensor 3: its site, from its latest report. */
    private double[] site = new double[0];
    /** Per sensor: running mean of the normalised squared differences of its pairs. */
    private double[] meanNis = new double[0];
    private double[] lastResidual = new double[0];
    private long[] residuals = new long[0];
    private long[] rejected = new long[0];
    private double lastTime = Double.NaN;
    /** The last polar report of each track (by track id) that took part: what the next report of another radar is compared with. */
    private final Map<Long, double[]> lastReport = new HashMap<>();
    private long learnCalls;

    private final double[] enu = new double[9];
    private final double[] dirs = new double[9];
    private final double[] jk = new double[9];
    private final double[] jl = new double[9];
    private final double[] pk = new double[3];
    private final double[] pl = new double[3];
    private final double[] s = new double[9];
    private final double[] sInv = new double[9];
    private double[] bht = new double[0];
    private double[] k = new double[0];
    private final double[] blockCov = new double[9];

    public SensorRegistration(Config config) {
        this.config = config;
    }

    public SensorRegistration() {
        this(Config.defaults());
    }

    public Config config() {
        return config;
    }

    /** Converts every polar report of the batch from its measurement corrected by its radar's estimate. */
    public void correct(ReportBatch batch) {
        for (int j = 0; j < batch.size(); j++) {
            if (!batch.isPolar(j)) {
                continue;
            }
            int q = batch.sensorIndex(j);
            if (q >= n || !known[q]) {
                start(q, batch.polar(j, 3), batch.polar(j, 4), batch.polar(j, 5));
            }
            site[q * 3] = batch.polar(j, 6);
            site[q * 3 + 1] = batch.polar(j, 7);
            site[q * 3 + 2] = batch.polar(j, 8);
            block(q, q, blockCov);
            batch.correctPolar(j, b[q * 3], b[q * 3 + 1], b[q * 3 + 2], blockCov, 0);
        }
    }

    /**
     * Learns from the scan's associations: every polar report assigned to a confirmed, established track is compared
     * with the track's previous report if another radar made it shortly before. Call after association, before the
     * tracks are updated (their states predicted to {@code tSeconds}).
     */
    public void learn(TrackTable tracks, int[] trackToReport, ReportBatch batch, double tSeconds) {
        if (++learnCalls % 4096 == 0) {
            forgetOld(tSeconds);
        }
        drift(tSeconds);
        for (int slot = 0; slot < tracks.size(); slot++) {
            int j = trackToReport[slot];
            if (j < 0 || !batch.isPolar(j) || !tracks.isConfirmed(slot)
                    || tracks.updates(slot) < config.minTrackUpdates()) {
                continue;
            }
            int q = batch.sensorIndex(j);
            if (q >= n || !known[q]) {
                continue;
            }
            double[] memo = lastReport.get(tracks.id(slot));
            if (memo == null) {
                memo = new double[MEMO];
                lastReport.put(tracks.id(slot), memo);
            } else if ((int) memo[1] != q && memo[0] < tSeconds && tSeconds - memo[0] <= config.maxPairGapSeconds()
                    && (int) memo[1] < n && known[(int) memo[1]]) {
                pair(tracks, slot, batch, j, q, memo, tSeconds);
            }
            memo[0] = tSeconds;
            memo[1] = q;
            for (int i = 0; i < 9; i++) {
                memo[2 + i] = batch.polar(j, i);
            }
        }
    }

    private void pair(TrackTable tracks, int slot, ReportBatch batch, int j, int q, double[] memo, double t) {
        int l = (int) memo[1];
        double dt = t - memo[0];
        convert(batch.polar(j, 6), batch.polar(j, 7), batch.polar(j, 8), batch.polar(j, 0), batch.polar(j, 1),
                batch.polar(j, 2), q, pk, jk);
        convert(memo[8], memo[9], memo[10], memo[2], memo[3], memo[4], l, pl, jl);
        double dx = pk[0] - pl[0] - tracks.state(slot, 3) * dt;
        double dy = pk[1] - pl[1] - tracks.state(slot, 4) * dt;
        double dz = pk[2] - pl[2] - tracks.state(slot, 5) * dt;
        int m = 3 * n;
        // bht = B H^T (m x 3), H = [.. J_k at q .. -J_l at l ..]
        for (int r = 0; r < m; r++) {
            int row = r * 3 * cap;
            for (int c = 0; c < 3; c++) {
                double v = 0;
                for (int i = 0; i < 3; i++) {
                    v += bCov[row + q * 3 + i] * jk[c * 3 + i] - bCov[row + l * 3 + i] * jl[c * 3 + i];
                }
                bht[r * 3 + c] = v;
            }
        }
        // s = H B H^T + J_k R_k J_k^T + J_l R_l J_l^T + P_v dt^2
        for (int a = 0; a < 3; a++) {
            for (int c = 0; c < 3; c++) {
                double v = 0;
                for (int i = 0; i < 3; i++) {
                    v += jk[a * 3 + i] * bht[(q * 3 + i) * 3 + c] - jl[a * 3 + i] * bht[(l * 3 + i) * 3 + c];
                }
                double nk = 0, nl = 0;
                for (int i = 0; i < 3; i++) {
                    double sk = memoSigma(batch.polar(j, 3 + i)), sl = memoSigma(memo[5 + i]);
                    nk += jk[a * 3 + i] * jk[c * 3 + i] * sk;
                    nl += jl[a * 3 + i] * jl[c * 3 + i] * sl;
                }
                s[a * 3 + c] = v + nk + nl + tracks.cov(slot, 3 + a, 3 + c) * dt * dt;
            }
        }
        Mat.symmetrise(s, 0, 3);
        if (!(Mat.invertSym3(s, 0, sInv, 0) > 0)) {
            return;
        }
        double nis = Mat.quad3(dx, dy, dz, sInv, 0);
        if (!(nis <= config.gateNis())) {
            rejected[q]++;
            rejected[l]++;
            return;
        }
        // K = bht S^-1 (m x 3); b += K d; B -= K bht^T
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < 3; c++) {
                k[r * 3 + c] = bht[r * 3] * sInv[c] + bht[r * 3 + 1] * sInv[3 + c] + bht[r * 3 + 2] * sInv[6 + c];
            }
        }
        for (int r = 0; r < m; r++) {
            b[r] += k[r * 3] * dx + k[r * 3 + 1] * dy + k[r * 3 + 2] * dz;
        }
        for (int r = 0; r < m; r++) {
            int row = r * 3 * cap;
            double k0 = k[r * 3], k1 = k[r * 3 + 1], k2 = k[r * 3 + 2];
            for (int c = 0; c < m; c++) {
                bCov[row + c] -= k0 * bht[c * 3] + k1 * bht[c * 3 + 1] + k2 * bht[c * 3 + 2];
            }
        }
        for (int r = 0; r < m; r++) {
            for (int c = r + 1; c < m; c++) {
                double v = 0.5 * (bCov[r * 3 * cap + c] + bCov[c * 3 * cap + r]);
                bCov[r * 3 * cap + c] = v;
                bCov[c * 3 * cap + r] = v;
            }
        }
        double w = config.ewmaWeight();
        meanNis[q] += w * (nis - meanNis[q]);
        meanNis[l] += w * (nis - meanNis[l]);
        residuals[q]++;
        residuals[l]++;
        lastResidual[q] = t;
        lastResidual[l] = t;
    }

    private static double memoSigma(double sigma) {
        return sigma * sigma;
    }

    /** Position of a measurement corrected by sensor q's estimate, and J there (row-major, columns r, az, el). */
    private void convert(double sx, double sy, double sz, double r, double az, double el, int q, double[] pos,
                         double[] jac) {
        r -= b[q * 3];
        az -= b[q * 3 + 1];
        el -= b[q * 3 + 2];
        PolarMeasurement.enuBasis(sx, sy, sz, enu, 0);
        PolarMeasurement.directions(enu, 0, az, el, dirs, 0);
        double ja = r * Math.cos(el);
        for (int i = 0; i < 3; i++) {
            pos[i] = (i == 0 ? sx : i == 1 ? sy : sz) + r * dirs[i];
            jac[i * 3] = dirs[i];
            jac[i * 3 + 1] = ja * dirs[3 + i];
            jac[i * 3 + 2] = r * dirs[6 + i];
        }
    }

    /** The 3x3 block (q, l) of the joint covariance into out. */
    private void block(int q, int l, double[] out) {
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 3; c++) {
                out[i * 3 + c] = bCov[(q * 3 + i) * 3 * cap + l * 3 + c];
            }
        }
    }

    /** The random walk since the last call. */
    private void drift(double t) {
        if (Double.isNaN(lastTime) || !(t > lastTime)) {
            if (Double.isNaN(lastTime)) {
                lastTime = t;
            }
            return;
        }
        double f2 = config.driftPerSqrtSecond() * config.driftPerSqrtSecond() * (t - lastTime);
        for (int q = 0; q < n; q++) {
            for (int i = 0; i < 3; i++) {
                int d = q * 3 + i;
                bCov[d * 3 * cap + d] += f2 * sigma[d] * sigma[d];
            }
        }
        lastTime = t;
    }

    private void forgetOld(double t) {
        lastReport.values().removeIf(m -> t - m[0] > 10 * config.maxPairGapSeconds());
    }

    private void start(int q, double sr, double sa, double se) {
        ensure(q + 1);
        known[q] = true;
        Arrays.fill(b, q * 3, q * 3 + 3, 0.0);
        for (int i = 0; i < 3 * cap; i++) {
            for (int c = 0; c < 3; c++) {
                bCov[i * 3 * cap + q * 3 + c] = 0;
                bCov[(q * 3 + c) * 3 * cap + i] = 0;
            }
        }
        double pr = config.priorRangeSigmas() * sr, pa = config.priorAngleSigmas() * sa;
        double pe = config.priorAngleSigmas() * se;
        int d = q * 3;
        bCov[d * 3 * cap + d] = pr * pr;
        bCov[(d + 1) * 3 * cap + d + 1] = pa * pa;
        bCov[(d + 2) * 3 * cap + d + 2] = pe * pe;
        sigma[d] = sr;
        sigma[d + 1] = sa;
        sigma[d + 2] = se;
        meanNis[q] = 3.0;
        lastResidual[q] = Double.NaN;
        residuals[q] = 0;
        rejected[q] = 0;
    }

    private void ensure(int size) {
        if (size > cap) {
            int newCap = Math.max(size, Math.max(4, cap * 2));
            double[] cov = new double[9 * newCap * newCap];
            for (int r = 0; r < 3 * cap; r++) {
                System.arraycopy(bCov, r * 3 * cap, cov, r * 3 * newCap, 3 * cap);
            }
            bCov = cov;
            known = Arrays.copyOf(known, newCap);
            b = Arrays.copyOf(b, newCap * 3);
            sigma = Arrays.copyOf(sigma, newCap * 3);
            site = Arrays.copyOf(site, newCap * 3);
            meanNis = Arrays.copyOf(meanNis, newCap);
            lastResidual = Arrays.copyOf(lastResidual, newCap);
            residuals = Arrays.copyOf(residuals, newCap);
            rejected = Arrays.copyOf(rejected, newCap);
            bht = new double[newCap * 9];
            k = new double[newCap * 9];
            cap = newCap;
        }
        n = Math.max(n, size);
    }

    private final double[] info = new double[9];
    private final double[] infoSum = new double[9];
    private final double[] weighted = new double[9];
    private final double[] tmp = new double[9];
    private final double[] tmp2 = new double[9];
    private final double[] rae = new double[3];

    /** Per contributing sensor of {@link #addBiasCovariance}: its index, I_k and J_k. */
    private final int[] contributing = new int[64];
    private final double[] infoK = new double[64 * 9];
    private final double[] jacK = new double[64 * 9];
    private final double[] wj = new double[64 * 9];

    /**
     * Adds to {@code cov[co..co+9)} (a 3x3 position covariance, row-major) what the uncertainty of the bias estimates
     * adds to a track's position error. A bias error is common to all of a radar's reports, so unlike the noise it
     * does not average down over a track's life; the track's covariance, which treats R + B as independent per report,
     * would understate it. With I_k = (J_k R_k J_k^T)^-1 the information of radar k's reports at the track's position
     * (each contributing radar weighted alike), the track's position is about sum W_k p_k with W_k = (sum I)^-1 I_k,
     * so its bias error has covariance sum_k sum_l W_k J_k B_kl J_l^T W_l^T: the cross terms matter, since what
     * pairs of reports cannot observe are errors of several radars that agree with each other.
     */
    public void addBiasCovariance(double x, double y, double z, long sensorMask, double[] cov, int co) {
        Arrays.fill(infoSum, 0.0);
        int used = 0;
        for (int q = 0; q < Math.min(n, 64); q++) {
            if (!known[q] || (sensorMask & (1L << q)) == 0) {
                continue;
            }
            double sx = site[q * 3], sy = site[q * 3 + 1], sz = site[q * 3 + 2];
            PolarMeasurement.enuBasis(sx, sy, sz, enu, 0);
            PolarMeasurement.toPolar(sx, sy, sz, x, y, z, enu, 0, rae, 0);
            convert(sx, sy, sz, rae[0] + b[q * 3], rae[1] + b[q * 3 + 1], rae[2] + b[q * 3 + 2], q, pk, jk);
            double r = rae[0], ce = Math.cos(rae[2]);
            double[] len = {1, r * ce, r};
            double[] var = {sigma[q * 3] * sigma[q * 3], Math.pow(r * ce * sigma[q * 3 + 1], 2),
                    Math.pow(r * sigma[q * 3 + 2], 2)};
            // I_k = sum over the orthonormal directions u of J's columns of u u^T / (variance along u)
            for (int i = 0; i < 3; i++) {
                for (int c = 0; c < 3; c++) {
                    double v = 0;
                    for (int m = 0; m < 3; m++) {
                        v += (jk[i * 3 + m] / len[m]) * (jk[c * 3 + m] / len[m]) / var[m];
                    }
                    infoK[used * 9 + i * 3 + c] = v;
                    infoSum[i * 3 + c] += v;
                }
            }
            System.arraycopy(jk, 0, jacK, used * 9, 9);
            contributing[used++] = q;
        }
        if (used == 0) {
            return;
        }
        Mat.symmetrise(infoSum, 0, 3);
        if (!(Mat.invertSym3(infoSum, 0, info, 0) > 0)) {
            return;
        }
        for (int u = 0; u < used; u++) {
            Mat.mul(info, 0, infoK, u * 9, tmp, 0, 3);
            Mat.mul(tmp, 0, jacK, u * 9, wj, u * 9, 3);
        }
        Arrays.fill(weighted, 0.0);
        for (int u = 0; u < used; u++) {
            for (int v = 0; v < used; v++) {
                block(contributing[u], contributing[v], blockCov);
                Mat.mul(wj, u * 9, blockCov, 0, tmp, 0, 3);
                Mat.mulTransB(tmp, 0, wj, v * 9, tmp2, 0, 3);
                for (int i = 0; i < 9; i++) {
                    weighted[i] += tmp2[i];
                }
            }
        }
        Mat.symmetrise(weighted, 0, 3);
        for (int i = 0; i < 9; i++) {
            cov[co + i] += weighted[i];
        }
    }

    /** True once the sensor has sent a polar report. */
    public boolean knows(int sensorIndex) {
        return sensorIndex < n && known[sensorIndex];
    }

    /** The estimate for a sensor index that {@link #knows} it. */
    public SensorBias estimate(int q, String sensorId) {
        if (!knows(q)) {
            throw new IllegalArgumentException("no polar report from sensor " + sensorId + " yet");
        }
        int d = q * 3;
        double sr = Math.sqrt(bCov[d * 3 * cap + d]), sa = Math.sqrt(bCov[(d + 1) * 3 * cap + d + 1]);
        double se = Math.sqrt(bCov[(d + 2) * 3 * cap + d + 2]);
        double f = config.reliableSigmas();
        boolean tight = sr <= f * sigma[d] && sa <= f * sigma[d + 1] && se <= f * sigma[d + 2];
        SensorBias.Status status;
        if (residuals[q] < config.minResiduals()) {
            status = SensorBias.Status.LEARNING;
        } else if (meanNis[q] > config.driftThreshold()) {
            status = SensorBias.Status.DRIFTING;
        } else if (tight) {
            status = SensorBias.Status.RELIABLE;
        } else {
            status = SensorBias.Status.LEARNING;
        }
        return new SensorBias(sensorId, b[d], b[d + 1], b[d + 2], sr, sa, se, residuals[q], rejected[q],
                lastResidual[q], status);
    }

    /** Writes every estimate and their joint covariance (part of a tracker snapshot; the report memo is not kept). */
    public void write(DataOutput out) throws IOException {
        out.writeInt(FORMAT);
        out.writeInt(n);
        out.writeDouble(lastTime);
        for (int q = 0; q < n; q++) {
            out.writeBoolean(known[q]);
            for (int i = 0; i < 3; i++) {
                out.writeDouble(b[q * 3 + i]);
                out.writeDouble(sigma[q * 3 + i]);
            }
            out.writeDouble(meanNis[q]);
            out.writeDouble(lastResidual[q]);
            out.writeLong(residuals[q]);
            out.writeLong(rejected[q]);
        }
        for (int r = 0; r < 3 * n; r++) {
            for (int c = 0; c < 3 * n; c++) {
                out.writeDouble(bCov[r * 3 * cap + c]);
            }
        }
    }

    /** Replaces every estimate by what {@link #write} wrote. */
    public void read(DataInput in) throws IOException {
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("registration snapshot format " + format + ", this engine reads " + FORMAT);
        }
        int count = in.readInt();
        if (count < 0 || count > 4096) {
            throw new IOException("implausible sensor count in a registration snapshot: " + count);
        }
        clear();
        ensure(count);
        n = count;
        lastTime = in.readDouble();
        for (int q = 0; q < count; q++) {
            known[q] = in.readBoolean();
            for (int i = 0; i < 3; i++) {
                b[q * 3 + i] = in.readDouble();
                sigma[q * 3 + i] = in.readDouble();
            }
            meanNis[q] = in.readDouble();
            lastResidual[q] = in.readDouble();
            residuals[q] = in.readLong();
            rejected[q] = in.readLong();
        }
        for (int r = 0; r < 3 * count; r++) {
            for (int c = 0; c < 3 * count; c++) {
                bCov[r * 3 * cap + c] = in.readDouble();
            }
        }
    }

    /** Forgets every estimate. */
    public void clear() {
        Arrays.fill(known, false);
        Arrays.fill(bCov, 0.0);
        n = 0;
        lastTime = Double.NaN;
        lastReport.clear();
    }
}
