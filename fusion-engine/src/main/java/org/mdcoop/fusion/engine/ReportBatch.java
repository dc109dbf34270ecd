package org.mdcoop.fusion.engine;

import java.util.Arrays;

import org.mdcoop.fusion.engine.measurement.PolarMeasurement;

/**
 * A reusable batch of position reports (one scan: all with the same time), stored as parallel
 * primitive arrays. Fill it with {@link #clear()} and {@code add(...)}; the arrays only grow.
 * Positions in m in the Earth-centred frame, measurement covariance 3x3 row-major in m^2.
 * <p>
 * A report may instead be a radar's polar measurement from its site ({@link #addPolar}): the tracker then
 * recomputes its position and covariance from the measurement corrected by the radar's estimated bias
 * (registration) before it associates the scan, overwriting what {@link #xM}, {@link #yM}, {@link #zM} and the
 * covariance held.
 */
public final class ReportBatch {
    /** Per report 9 values: range m, azimuth rad, elevation rad, their sigmas, site x, y, z m. */
    static final int POLAR_STRIDE = 9;
    private int size;
    double[] xM = new double[64];
    double[] yM = new double[64];
    double[] zM = new double[64];
    double[] covM2 = new double[64 * 9];
    int[] sensorIndex = new int[64];
    int[] partyIndex = new int[64];
    boolean[] exercise = new boolean[64];
    String[] reportId = new String[64];
    boolean[] polar = new boolean[64];
    double[] polarData = new double[64 * POLAR_STRIDE];
    private final double[] polarCov = new double[9];
    private final double[] xyz = new double[3];
    private final double[] work = new double[18];

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    /** Adds a report with isotropic noise {@code sigmaM} per axis. */
    public int add(double x, double y, double z, double sigmaM, int sensorIdx, int partyIdx,
                   boolean exerciseFlag, String id) {
        int i = addPosition(x, y, z, sensorIdx, partyIdx, exerciseFlag, id);
        int o = i * 9;
        double v = sigmaM * sigmaM;
        Arrays.fill(covM2, o, o + 9, 0.0);
        covM2[o] = v;
        covM2[o + 4] = v;
        covM2[o + 8] = v;
        return i;
    }

    /** Adds a report with a full 3x3 covariance (row-major, m^2) read from {@code cov[covOff..]}. */
    public int add(double x, double y, double z, double[] cov, int covOff, int sensorIdx, int partyIdx,
                   boolean exerciseFlag, String id) {
        int i = addPosition(x, y, z, sensorIdx, partyIdx, exerciseFlag, id);
        System.arraycopy(cov, covOff, covM2, i * 9, 9);
        return i;
    }

    /**
     * Adds a radar's measurement: range (m), azimuth (rad from north, clockwise) and elevation (rad above the local
     * horizontal) from the site (Earth-centred, m) in its East-North-Up frame, with their 1-sigma errors. Position
     * and covariance are filled at once (the uncorrected conversion, {@link PolarMeasurement#toCartesian}), so a
     * reader of the batch sees a position report either way.
     *
     * @throws IllegalArgumentException for a non-finite value, a range or sigma not > 0, or a site at the centre
     */
    public int addPolar(double rangeM, double azRad, double elRad, double sigmaRangeM, double sigmaAzRad,
                        double sigmaElRad, double siteX, double siteY, double siteZ, int sensorIdx, int partyIdx,
                        boolean exerciseFlag, String id) {
        if (!(rangeM > 0) || !(sigmaRangeM > 0) || !(sigmaAzRad > 0) || !(sigmaElRad > 0) || !Double.isFinite(rangeM)
                || !Double.isFinite(azRad) || !Double.isFinite(elRad) || !Double.isFinite(sigmaRangeM)
                || !(sigmaAzRad < 1) || !(sigmaElRad < 1) || !(Math.abs(elRad) <= Math.PI / 2)
                || !(Math.hypot(siteX, siteY) > 0) || !Double.isFinite(siteZ)) {
            throw new IllegalArgumentException("polar report " + id + ": range and sigmas must be > 0, angle sigmas "
                    + "< 1 rad, |elevation| <= pi/2, the site off the polar axis");
        }
        int i = addPosition(0, 0, 0, sensorIdx, partyIdx, exerciseFlag, id);
        polar[i] = true;
        int o = i * POLAR_STRIDE;
        double[] d = polarData;
        d[o] = rangeM;
        d[o + 1] = azRad;
        d[o + 2] = elRad;
        d[o + 3] = sigmaRangeM;
        d[o + 4] = sigmaAzRad;
        d[o + 5] = sigmaElRad;
        d[o + 6] = siteX;
        d[o + 7] = siteY;
        d[o + 8] = siteZ;
        correctPolar(i, 0, 0, 0, null, 0);
        return i;
    }

    /**
     * Sets report i's position and covariance (a polar report only) from its measurement minus a bias (range, az,
     * el) whose uncertainty {@code biasCov[bo..bo+9)} (null = none) is added to the measurement's noise: the corrected
     * measurement is only as good as the correction.
     */
    public void correctPolar(int i, double biasR, double biasAz, double biasEl, double[] biasCov, int bo) {
        int o = i * POLAR_STRIDE;
        double[] d = polarData;
        double[] c = polarCov;
        java.util.Arrays.fill(c, 0.0);
        c[0] = d[o + 3] * d[o + 3];
        c[4] = d[o + 4] * d[o + 4];
        c[8] = d[o + 5] * d[o + 5];
        if (biasCov != null) {
            for (int k = 0; k < 9; k++) {
                c[k] += biasCov[bo + k];
            }
        }
        PolarMeasurement.toCartesian(d[o + 6], d[o + 7], d[o + 8], d[o] - biasR, d[o + 1] - biasAz, d[o + 2] - biasEl,
                c, 0, xyz, 0, covM2, i * 9, work);
        xM[i] = xyz[0];
        yM[i] = xyz[1];
        zM[i] = xyz[2];
    }

    /** True if report i is a radar's polar measurement ({@link #addPolar}). */
    public boolean isPolar(int i) {
        return polar[i];
    }

    /** Report i's polar values: 0 range, 1 azimuth, 2 elevation, 3-5 their sigmas, 6-8 the site. */
    public double polar(int i, int k) {
        return polarData[i * POLAR_STRIDE + k];
    }

    public int sensorIndex(int i) {
        return sensorIndex[i];
    }

    private int addPosition(double x, double y, double z, int sensorIdx, int partyIdx, boolean ex, String id) {
        if (size == xM.length) {
            int cap = size * 2;
            xM = Arrays.copyOf(xM, cap);
            yM = Arrays.copyOf(yM, cap);
            zM = Arrays.copyOf(zM, cap);
            covM2 = Arrays.copyOf(covM2, cap * 9);
            sensorIndex = Arrays.copyOf(sensorIndex, cap);
            partyIndex = Arrays.copyOf(partyIndex, cap);
            exercise = Arrays.copyOf(exercise, cap);
            reportId = Arrays.copyOf(reportId, cap);
            polar = Arrays.copyOf(polar, cap);
            polarData = Arrays.copyOf(polarData, cap * POLAR_STRIDE);
        }
        int i = size++;
        xM[i] = x;
        yM[i] = y;
        zM[i] = z;
        sensorIndex[i] = sensorIdx;
        partyIndex[i] = partyIdx;
        exercise[i] = ex;
        reportId[i] = id;
        polar[i] = false;
        return i;
    }

    public double xM(int i) {
        return xM[i];
    }

    public double yM(int i) {
        return yM[i];
    }

    public double zM(int i) {
        return zM[i];
    }

    public double[] covArray() {
        return covM2;
    }

    public String reportId(int i) {
        return reportId[i];
    }
}
