package org.mdcoop.fusion.engine;

import java.util.Arrays;

/**
 * A reusable batch of position reports (one scan: all with the same time), stored as parallel
 * primitive arrays. Fill it with {@link #clear()} and {@code add(...)}; the arrays only grow.
 * Positions in m in the Earth-centred frame, measurement covariance 3x3 row-major in m^2.
 */
public final class ReportBatch {
    private int size;
    double[] xM = new double[64];
    double[] yM = new double[64];
    double[] zM = new double[64];
    double[] covM2 = new double[64 * 9];
    int[] sensorIndex = new int[64];
    int[] partyIndex = new int[64];
    boolean[] exercise = new boolean[64];
    String[] reportId = new String[64];

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
        }
        int i = size++;
        xM[i] = x;
        yM[i] = y;
        zM[i] = z;
        sensorIndex[i] = sensorIdx;
        partyIndex[i] = partyIdx;
        exercise[i] = ex;
        reportId[i] = id;
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
