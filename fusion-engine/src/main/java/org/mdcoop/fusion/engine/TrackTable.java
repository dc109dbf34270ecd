package org.mdcoop.fusion.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * All live tracks as parallel primitive arrays (structure of arrays), ordered by track id: new tracks
 * are appended, deleted ones are compacted away, so iteration order is deterministic.
 * State: [x, y, z, vx, vy, vz] in m and m/s (Earth-centred, ECEF axes); covariance 6x6 row-major.
 */
public final class TrackTable {
    public static final int TENTATIVE = 1;
    public static final int CONFIRMED = 2;

    private int size;
    private long nextId = 1;
    long[] id;
    int[] status;
    double[] state;
    double[] cov;
    double[] stateTimeSeconds;
    double[] lastUpdateSeconds;
    double[] firstUpdateSeconds;
    int[] hitHistory;
    int[] scansSeen;
    int[] updates;
    int[] consecutiveMisses;
    long[] sensorMask;
    long[] partyMask;
    boolean[] exercise;

    public TrackTable(int initialCapacity) {
        allocate(Math.max(4, initialCapacity));
    }

    private void allocate(int cap) {
        id = new long[cap];
        status = new int[cap];
        state = new double[cap * 6];
        cov = new double[cap * 36];
        stateTimeSeconds = new double[cap];
        lastUpdateSeconds = new double[cap];
        firstUpdateSeconds = new double[cap];
        hitHistory = new int[cap];
        scansSeen = new int[cap];
        updates = new int[cap];
        consecutiveMisses = new int[cap];
        sensorMask = new long[cap];
        partyMask = new long[cap];
        exercise = new boolean[cap];
    }

    private void ensureCapacity(int n) {
        if (n <= id.length) {
            return;
        }
        int cap = Math.max(n, id.length * 2);
        id = Arrays.copyOf(id, cap);
        status = Arrays.copyOf(status, cap);
        state = Arrays.copyOf(state, cap * 6);
        cov = Arrays.copyOf(cov, cap * 36);
        stateTimeSeconds = Arrays.copyOf(stateTimeSeconds, cap);
        lastUpdateSeconds = Arrays.copyOf(lastUpdateSeconds, cap);
        firstUpdateSeconds = Arrays.copyOf(firstUpdateSeconds, cap);
        hitHistory = Arrays.copyOf(hitHistory, cap);
        scansSeen = Arrays.copyOf(scansSeen, cap);
        updates = Arrays.copyOf(updates, cap);
        consecutiveMisses = Arrays.copyOf(consecutiveMisses, cap);
        sensorMask = Arrays.copyOf(sensorMask, cap);
        partyMask = Arrays.copyOf(partyMask, cap);
        exercise = Arrays.copyOf(exercise, cap);
    }

    /** Appends a tentative track and returns its slot; state and covariance must be filled by the caller. */
    int add(double tSeconds) {
        ensureCapacity(size + 1);
        int s = size++;
        id[s] = nextId++;
        status[s] = TENTATIVE;
        stateTimeSeconds[s] = tSeconds;
        lastUpdateSeconds[s] = tSeconds;
        firstUpdateSeconds[s] = tSeconds;
        hitHistory[s] = 1;
        scansSeen[s] = 1;
        updates[s] = 1;
        consecutiveMisses[s] = 0;
        sensorMask[s] = 0;
        partyMask[s] = 0;
        exercise[s] = true;
        return s;
    }

    /** Makes this table an exact copy of {@code other} (scratch copies for retrodiction; arrays only grow). */
    void copyFrom(TrackTable other) {
        ensureCapacity(other.size);
        int n = other.size;
        size = n;
        nextId = other.nextId;
        System.arraycopy(other.id, 0, id, 0, n);
        System.arraycopy(other.status, 0, status, 0, n);
        System.arraycopy(other.state, 0, state, 0, n * 6);
        System.arraycopy(other.cov, 0, cov, 0, n * 36);
        System.arraycopy(other.stateTimeSeconds, 0, stateTimeSeconds, 0, n);
        System.arraycopy(other.lastUpdateSeconds, 0, lastUpdateSeconds, 0, n);
        System.arraycopy(other.firstUpdateSeconds, 0, firstUpdateSeconds, 0, n);
        System.arraycopy(other.hitHistory, 0, hitHistory, 0, n);
        System.arraycopy(other.scansSeen, 0, scansSeen, 0, n);
        System.arraycopy(other.updates, 0, updates, 0, n);
        System.arraycopy(other.consecutiveMisses, 0, consecutiveMisses, 0, n);
        System.arraycopy(other.sensorMask, 0, sensorMask, 0, n);
        System.arraycopy(other.partyMask, 0, partyMask, 0, n);
        System.arraycopy(other.exercise, 0, exercise, 0, n);
    }

    /** Writes every live slot and the id counter (a tracker snapshot; see {@link Tracker#writeState}). */
    void write(DataOutput out) throws IOException {
        out.writeInt(size);
        out.writeLong(nextId);
        for (int s = 0; s < size; s++) {
            out.writeLong(id[s]);
            out.writeInt(status[s]);
            for (int i = 0; i < 6; i++) {
                out.writeDouble(state[s * 6 + i]);
            }
            for (int i = 0; i < 36; i++) {
                out.writeDouble(cov[s * 36 + i]);
            }
            out.writeDouble(stateTimeSeconds[s]);
            out.writeDouble(lastUpdateSeconds[s]);
            out.writeDouble(firstUpdateSeconds[s]);
            out.writeInt(hitHistory[s]);
            out.writeInt(scansSeen[s]);
            out.writeInt(updates[s]);
            out.writeInt(consecutiveMisses[s]);
            out.writeLong(sensorMask[s]);
            out.writeLong(partyMask[s]);
            out.writeBoolean(exercise[s]);
        }
    }

    /** Replaces this table's content by what {@link #write} wrote. */
    void read(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 10_000_000) {
            throw new IOException("implausible track count in a snapshot: " + n);
        }
        ensureCapacity(n);
        size = n;
        nextId = in.readLong();
        for (int s = 0; s < n; s++) {
            id[s] = in.readLong();
            status[s] = in.readInt();
            for (int i = 0; i < 6; i++) {
                state[s * 6 + i] = in.readDouble();
            }
            for (int i = 0; i < 36; i++) {
                cov[s * 36 + i] = in.readDouble();
            }
            stateTimeSeconds[s] = in.readDouble();
            lastUpdateSeconds[s] = in.readDouble();
            firstUpdateSeconds[s] = in.readDouble();
            hitHistory[s] = in.readInt();
            scansSeen[s] = in.readInt();
            updates[s] = in.readInt();
            consecutiveMisses[s] = in.readInt();
            sensorMask[s] = in.readLong();
            partyMask[s] = in.readLong();
            exercise[s] = in.readBoolean();
        }
    }

    /** Removes every slot whose {@code remove} flag is set, keeping the order of the others. */
    void compact(boolean[] remove) {
        int w = 0;
        for (int r = 0; r < size; r++) {
            if (remove[r]) {
                continue;
            }
            if (w != r) {
                id[w] = id[r];
                status[w] = status[r];
                System.arraycopy(state, r * 6, state, w * 6, 6);
                System.arraycopy(cov, r * 36, cov, w * 36, 36);
                stateTimeSeconds[w] = stateTimeSeconds[r];
                lastUpdateSeconds[w] = lastUpdateSeconds[r];
                firstUpdateSeconds[w] = firstUpdateSeconds[r];
                hitHistory[w] = hitHistory[r];
                scansSeen[w] = scansSeen[r];
                updates[w] = updates[r];
                consecutiveMisses[w] = consecutiveMisses[r];
                sensorMask[w] = sensorMask[r];
                partyMask[w] = partyMask[r];
                exercise[w] = exercise[r];
            }
            w++;
        }
        size = w;
    }

    public int size() {
        return size;
    }

    public long id(int slot) {
        return id[slot];
    }

    public int status(int slot) {
        return status[slot];
    }

    public boolean isConfirmed(int slot) {
        return status[slot] == CONFIRMED;
    }

    public double stateTimeSeconds(int slot) {
        return stateTimeSeconds[slot];
    }

    public double firstUpdateSeconds(int slot) {
        return firstUpdateSeconds[slot];
    }

    public double lastUpdateSeconds(int slot) {
        return lastUpdateSeconds[slot];
    }

    public int updates(int slot) {
        return updates[slot];
    }

    public int consecutiveMisses(int slot) {
        return consecutiveMisses[slot];
    }

    /** Element {@code i} (0..5) of the state: x, y, z (m), vx, vy, vz (m/s). */
    public double state(int slot, int i) {
        return state[slot * 6 + i];
    }

    /** Covariance element (i, j). */
    public double cov(int slot, int i, int j) {
        return cov[slot * 36 + i * 6 + j];
    }

    public void copyState(int slot, double[] out, int off) {
        System.arraycopy(state, slot * 6, out, off, 6);
    }

    public void copyCov(int slot, double[] out, int off) {
        System.arraycopy(cov, slot * 36, out, off, 36);
    }

    /** Bit i set: sensor index i (as registered in the tracker) contributed. */
    public long sensorMask(int slot) {
        return sensorMask[slot];
    }

    public long partyMask(int slot) {
        return partyMask[slot];
    }

    /** True when every report associated with the track carried the exercise flag. */
    public boolean exercise(int slot) {
        return exercise[slot];
    }

    /** Raw arrays for engine components (package-level kernels); treat as read-only outside. */
    public double[] stateArray() {
        return state;
    }

    public double[] covArray() {
        return cov;
    }
}
