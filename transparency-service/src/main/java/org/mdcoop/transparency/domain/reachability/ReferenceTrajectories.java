package org.mdcoop.transparency.domain.reachability;

import java.util.List;
import java.util.Optional;

import org.mdcoop.transparency.domain.LatLon;

/**
 * Built-in reference trajectories. <b>Illustrative only, not real data</b>: the launch and target "areas" are
 * generic, invented names with rough coordinates chosen to span typical geometries (long-range polar and
 * transatlantic arcs in both directions, and intermediate/medium ranges into Europe). They correspond to no actual
 * base or deployment. All fly the minimum-energy trajectory unless a speed is given.
 */
public final class ReferenceTrajectories {

    public static final String DISCLAIMER =
            "Illustrative reference trajectories with invented area names and rough coordinates; not real data.";

    private static final List<ReferenceTrajectory> ILLUSTRATIVE = List.of(
            new ReferenceTrajectory("ILL-1", "Northern launch area N1 → western-Atlantic target area T1 (~7,000 km)",
                    LatLon.of(62.0, 40.0), LatLon.of(42.0, -72.0), null),
            new ReferenceTrajectory("ILL-2", "Northern launch area N1 → far-western target area T2 (polar, ~8,800 km)",
                    LatLon.of(62.0, 40.0), LatLon.of(38.0, -121.0), null),
            new ReferenceTrajectory("ILL-3", "Eastern launch area E1 → western-Atlantic target area T1 (~8,300 km)",
                    LatLon.of(55.0, 60.0), LatLon.of(42.0, -72.0), null),
            new ReferenceTrajectory("ILL-4", "Southern launch area S1 → central-European target area C1 (~3,400 km)",
                    LatLon.of(34.0, 52.0), LatLon.of(48.0, 16.0), null),
            new ReferenceTrajectory("ILL-5", "Western launch area W1 → eastern target area R1 (~8,500 km)",
                    LatLon.of(41.0, -100.0), LatLon.of(56.0, 38.0), null));

    private ReferenceTrajectories() {
    }

    public static List<ReferenceTrajectory> illustrative() {
        return ILLUSTRATIVE;
    }

    public static Optional<ReferenceTrajectory> byId(String id) {
        return ILLUSTRATIVE.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
