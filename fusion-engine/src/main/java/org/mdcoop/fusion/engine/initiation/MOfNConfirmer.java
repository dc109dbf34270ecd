package org.mdcoop.fusion.engine.initiation;

/** Confirm when at least M of the last N scans were hits; drop when that can no longer happen. */
public final class MOfNConfirmer implements Confirmer {
    private final int m;
    private final int n;
    private final int mask;

    public MOfNConfirmer(int m, int n) {
        if (m < 1 || n < m || n > 30) {
            throw new IllegalArgumentException("need 1 <= M <= N <= 30, got M=" + m + " N=" + n);
        }
        this.m = m;
        this.n = n;
        this.mask = (1 << n) - 1;
    }

    public int m() {
        return m;
    }

    public int n() {
        return n;
    }

    @Override
    public int decide(int hitHistory, int scansSeen) {
        int window = Math.min(scansSeen, n);
        int hits = Integer.bitCount(hitHistory & mask & ((1 << window) - 1));
        if (hits >= m) {
            return CONFIRM;
        }
        int misses = window - hits;
        return misses > n - m ? DROP : KEEP;
    }
}
