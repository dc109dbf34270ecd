package org.mdcoop.fusion.engine.deletion;

import org.mdcoop.fusion.engine.TrackTable;

/** Decides whether a confirmed (possibly coasting) track should be deleted at time {@code tSeconds}. */
public interface Deleter {
    boolean shouldDelete(TrackTable tracks, int slot, double tSeconds);
}
