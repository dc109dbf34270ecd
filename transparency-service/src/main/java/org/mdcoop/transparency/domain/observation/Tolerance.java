package org.mdcoop.transparency.domain.observation;

/**
 * How far an observed value may differ from the declared one before it is a discrepancy:
 * {@code |observed − declared| ≤ max(absolute, relative × |declared|)}. Either part may be 0.
 */
public record Tolerance(double absolute, double relative) {

    public Tolerance {
        if (absolute < 0 || relative < 0 || (absolute == 0 && relative == 0)) {
            throw new IllegalArgumentException("tolerance must be non-negative and not both zero");
        }
    }

    public static Tolerance absolute(double value) {
        return new Tolerance(value, 0);
    }

    public static Tolerance relative(double fraction) {
        return new Tolerance(0, fraction);
    }

    public double allowedDifference(double declared) {
        return Math.max(absolute, relative * Math.abs(declared));
    }
}
