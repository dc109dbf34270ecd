package org.mdcoop.exercise.domain.physics;

/**
 * Which of the two Keplerian arcs through the aim point a given burnout speed flies. For any speed above the minimum
 * there are two flight-path angles reaching the same range: the lofted one (steeper, higher apogee, longer flight) and
 * the depressed one (flatter, lower, shorter). At exactly the minimum speed both coincide.
 */
public enum ArcBranch {
    /** Steeper solution. Always exists when the speed reaches the range at all; the default. */
    LOFTED,
    /** Flatter solution. Exists only if it needs a non-negative flight-path angle at burnout. */
    DEPRESSED
}
