package org.mdcoop.transparency.domain.observation;

import java.util.EnumMap;
import java.util.Map;

/**
 * Tolerance per quantity. Defaults (stated so both parties know the rule):
 * <ul>
 * <li>intercept altitude: max(2 km, 5 %)</li>
 * <li>intercept range: max(5 km, 5 %)</li>
 * <li>burnout velocity: max(0.1 km/s, 3 %)</li>
 * <li>flight time: max(2 s, 5 %)</li>
 * <li>miss distance: 10 m absolute (declared values are near zero, a relative tolerance would be meaningless)</li>
 * </ul>
 */
public record ToleranceTable(Map<Quantity, Tolerance> tolerances) {

    public ToleranceTable {
        for (Quantity q : Quantity.values()) {
            if (!tolerances.containsKey(q)) {
                throw new IllegalArgumentException("no tolerance for " + q);
            }
        }
        tolerances = Map.copyOf(tolerances);
    }

    public static ToleranceTable defaults() {
        Map<Quantity, Tolerance> m = new EnumMap<>(Quantity.class);
        m.put(Quantity.INTERCEPT_ALTITUDE_KM, new Tolerance(2, 0.05));
        m.put(Quantity.INTERCEPT_RANGE_KM, new Tolerance(5, 0.05));
        m.put(Quantity.BURNOUT_VELOCITY_KM_S, new Tolerance(0.1, 0.03));
        m.put(Quantity.FLIGHT_TIME_S, new Tolerance(2, 0.05));
        m.put(Quantity.MISS_DISTANCE_M, Tolerance.absolute(10));
        return new ToleranceTable(m);
    }

    public ToleranceTable with(Quantity q, Tolerance t) {
        Map<Quantity, Tolerance> m = new EnumMap<>(tolerances);
        m.put(q, t);
        return new ToleranceTable(m);
    }

    public Tolerance of(Quantity q) {
        return tolerances.get(q);
    }
}
