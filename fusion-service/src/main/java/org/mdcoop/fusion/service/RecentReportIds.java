package org.mdcoop.fusion.service;

import java.util.Arrays;

import org.mdcoop.common.domain.Party;

/**
 * The report ids seen within the last {@code windowSeconds} of report time, to drop a report sent again (a gateway's
 * retry, a redelivered Kafka record) before it reaches the tracker without a database round trip. Ids are kept as
 * 64-bit hashes of (party, report id) in one open-addressing set per second of report time, so memory is a few bytes
 * per report and a second is forgotten at once; a false "seen" needs a 64-bit collision (about 1e-8 for a million
 * reports in the window). Reports older than the window are not judged here: the archive's key catches them.
 * Thread-safe (REST and Kafka ingest share it).
 */
public final class RecentReportIds {

    private final int windowSeconds;
    private final long[] bucketSecond;
    private final LongSet[] buckets;
    private long newestSecond = Long.MIN_VALUE;

    public RecentReportIds(int windowSeconds) {
        this.windowSeconds = Math.max(1, windowSeconds);
        this.bucketSecond = new long[this.windowSeconds + 1];
        this.buckets = new LongSet[this.windowSeconds + 1];
        Arrays.fill(bucketSecond, Long.MIN_VALUE);
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongSet();
        }
    }

    /** Records the id; returns false when it was seen before within the window (a duplicate). */
    public synchronized boolean firstTime(Party party, String reportId, double tSeconds) {
        long second = (long) Math.floor(tSeconds);
        newestSecond = Math.max(newestSecond, second);
        if (second <= newestSecond - windowSeconds) {
            return true; // too old to judge here
        }
        long key = hash(party, reportId);
        for (int i = 0; i < buckets.length; i++) {
            if (bucketSecond[i] > newestSecond - windowSeconds && buckets[i].contains(key)) {
                return false;
            }
        }
        int slot = (int) Math.floorMod(second, (long) buckets.length);
        if (bucketSecond[slot] != second) {
            bucketSecond[slot] = second;
            buckets[slot].clear();
        }
        buckets[slot].add(key);
        return true;
    }

    static long hash(Party party, String id) {
        // two independent 32-bit hashes: String's own and FNV-1a over the chars, seeded with the party
        long h2 = 0x811c9dc5L ^ party.ordinal();
        for (int i = 0; i < id.length(); i++) {
            h2 = ((h2 ^ id.charAt(i)) * 0x01000193L) & 0xffffffffL;
        }
        return ((long) (id.hashCode() * 31 + party.ordinal()) << 32) | h2;
    }

    /** A growable open-addressing set of longs (0 marks an empty slot, so 0 itself is stored aside). */
    static final class LongSet {
        private long[] slots = new long[1024];
        private int size;
        private boolean hasZero;

        void clear() {
            if (size > 0) {
                Arrays.fill(slots, 0L);
            }
            size = 0;
            hasZero = false;
        }

        boolean contains(long key) {
            if (key == 0) {
                return hasZero;
            }
            int mask = slots.length - 1;
            for (int i = mix(key) & mask;; i = (i + 1) & mask) {
                long v = slots[i];
                if (v == 0) {
                    return false;
                }
                if (v == key) {
                    return true;
                }
            }
        }

        void add(long key) {
            if (key == 0) {
                hasZero = true;
                return;
            }
            if ((size + 1) * 2 > slots.length) {
                grow();
            }
            int mask = slots.length - 1;
            for (int i = mix(key) & mask;; i = (i + 1) & mask) {
                long v = slots[i];
                if (v == key) {
                    return;
                }
                if (v == 0) {
                    slots[i] = key;
                    size++;
                    return;
                }
            }
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            size = 0;
            for (long v : old) {
                if (v != 0) {
                    add(v);
                }
            }
        }

        private static int mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
