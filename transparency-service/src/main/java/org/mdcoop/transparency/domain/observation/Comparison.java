package org.mdcoop.transparency.domain.observation;

import java.util.ArrayList;
import java.util.List;

/**
 * Declared vs observed, quantity by quantity, for one observer.
 *
 * @param rows          one row per quantity present on either side
 * @param discrepancies the rows with outcome DISCREPANCY
 */
public record Comparison(String observer, List<Row> rows, List<Row> discrepancies) {

    public enum Outcome {
        /** Within tolerance. */
        CONSISTENT,
        /** Outside tolerance: flagged. */
        DISCREPANCY,
        /** Only one side has a value; listed, not flagged. */
        NOT_COMPARABLE
    }

    /**
     * @param difference observed − declared (null when not comparable)
     * @param allowed    the tolerance applied, in the quantity's unit (null when not comparable)
     */
    public record Row(Quantity quantity, Double declared, Double observed, Double difference, Double allowed,
            Outcome outcome) {
    }

    public static Comparison of(String observer, Measurements declared, Measurements observed,
            ToleranceTable tolerances) {
        List<Row> rows = new ArrayList<>();
        for (Quantity q : Quantity.values()) {
            Double d = declared == null ? null : declared.get(q);
            Double o = observed == null ? null : observed.get(q);
            if (d == null && o == null) {
                continue;
            }
            if (d == null || o == null) {
                rows.add(new Row(q, d, o, null, null, Outcome.NOT_COMPARABLE));
                continue;
            }
            double diff = o - d;
            double allowed = tolerances.of(q).allowedDifference(d);
            // a tiny epsilon so that a difference exactly at the tolerance is not lost to rounding (e.g. 0.1 km/s)
            boolean ok = Math.abs(diff) <= allowed * (1 + 1e-9) + 1e-12;
            rows.add(new Row(q, d, o, diff, allowed, ok ? Outcome.CONSISTENT : Outcome.DISCREPANCY));
        }
        return new Comparison(observer, List.copyOf(rows),
                rows.stream().filter(r -> r.outcome() == Outcome.DISCREPANCY).toList());
    }
}
