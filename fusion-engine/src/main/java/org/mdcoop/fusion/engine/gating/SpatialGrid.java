package org.mdcoop.fusion.engine.gating;

import java.util.Arrays;

/**
 * Uniform 3D grid hash of points (predicted track positions): insert items into the cell of their
 * position, then ask for all items in the 27 cells around a query point. Open addressing over packed
 * cell keys, per-cell singly linked lists, generation stamps so clearing is O(1). No allocation once
 * warmed up.
 */
public final class SpatialGrid {
    private final double cellM;
    private long[] keys = new long[64];
    private int[] head = new int[64];
    private int[] stamp = new int[64];
    private int generation = 1;
    private int[] next = new int[64];
    private int count;

    public SpatialGrid(double cellM) {
        this.cellM = cellM;
    }

    public double cellM() {
        return cellM;
    }

    /** Forgets all items; {@code expectedItems} sizes the table. */
    public void clear(int expectedItems) {
        int want = Integer.highestOneBit(Math.max(16, expectedItems * 4) - 1) << 1;
        if (want > keys.length) {
            keys = new long[want];
            head = new int[want];
            stamp = new int[want];
            generation = 0;
        }
        generation++;
        if (generation == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            generation = 1;
        }
        count = 0;
    }

    private static long key(long ix, long iy, long iz) {
        return ((ix & 0x1FFFFF) << 42) | ((iy & 0x1FFFFF) << 21) | (iz & 0x1FFFFF);
    }

    private static int hash(long k, int mask) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }

    /** Inserts item {@code item} (any int >= 0, e.g. a track slot) at a position. */
    public void insert(int item, double x, double y, double z) {
        if (item >= next.length) {
            next = Arrays.copyOf(next, Math.max(item + 1, next.length * 2));
        }
        long k = key((long) Math.floor(x / cellM), (long) Math.floor(y / cellM), (long) Math.floor(z / cellM));
        int mask = keys.length - 1;
        int b = hash(k, mask);
        while (stamp[b] == generation && keys[b] != k) {
            b = (b + 1) & mask;
        }
        if (stamp[b] != generation) {
            stamp[b] = generation;
            keys[b] = k;
            head[b] = -1;
        }
        next[item] = head[b];
        head[b] = item;
        count++;
    }

    /**
     * Writes the items of the 27 cells around (x, y, z) into {@code out} from index {@code start};
     * returns the new end index, growing nothing: the caller passes a buffer of sufficient size
     * (at least start + number of inserted items).
     */
    public int query(double x, double y, double z, int[] out, int start) {
        long cx = (long) Math.floor(x / cellM), cy = (long) Math.floor(y / cellM), cz = (long) Math.floor(z / cellM);
        int mask = keys.length - 1;
        int n = start;
        for (long dx = -1; dx <= 1; dx++) {
            for (long dy = -1; dy <= 1; dy++) {
                for (long dz = -1; dz <= 1; dz++) {
                    long k = key(cx + dx, cy + dy, cz + dz);
                    int b = hash(k, mask);
                    while (stamp[b] == generation) {
                        if (keys[b] == k) {
                            for (int it = head[b]; it >= 0; it = next[it]) {
                                out[n++] = it;
                            }
                            break;
                        }
                        b = (b + 1) & mask;
                    }
                }
            }
        }
        return n;
    }

    public int size() {
        return count;
    }
}
