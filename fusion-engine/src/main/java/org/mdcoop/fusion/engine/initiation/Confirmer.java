package org.mdcoop.fusion.engine.initiation;

/** Decides, from a tentative track's hit/miss history, when it becomes confirmed or is dropped. */
public interface Confirmer {
    int KEEP = 0;
    int CONFIRM = 1;
    int DROP = 2;

    /**
     * @param hitHistory bit 0 = latest scan, 1 = hit
     * @param scansSeen  scans since the track was started (including the first)
     * @return {@link #KEEP}, {@link #CONFIRM} or {@link #DROP}
     */
    int decide(int hitHistory, int scansSeen);
}
