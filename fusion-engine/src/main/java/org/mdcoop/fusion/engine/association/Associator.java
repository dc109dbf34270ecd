package org.mdcoop.fusion.engine.association;

import org.mdcoop.fusion.engine.ReportBatch;
import org.mdcoop.fusion.engine.TrackTable;

/** Pairs predicted tracks with the reports of one scan. */
public interface Associator {
    /**
     * Associates the tracks whose status equals {@code trackStatus} with the reports not yet
     * {@code reportTaken}. Writes the chosen report per track slot into {@code trackToReport}
     * (-1 = none; only slots of that status are written) and, if {@code minD2} is not null, lowers
     * {@code minD2[report]} to the smallest Mahalanobis d^2 seen from any such track.
     * Returns the number of assigned pairs.
     */
    int associate(TrackTable tracks, int trackStatus, ReportBatch reports, boolean[] reportTaken,
                  int[] trackToReport, double[] minD2);
}
