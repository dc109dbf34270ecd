package org.mdcoop.transparency.domain.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static Comparison.Row only(Measurements declared, Measurements observed, ToleranceTable t) {
        return Comparison.of("o", declared, observed, t).rows().get(0);
    }

    private static Measurements altitude(double v) {
        return new Measurements(v, null, null, null, null);
    }

    private static Measurements velocity(double v) {
        return new Measurements(null, null, v, null, null);
    }

    private static Measurements miss(double v) {
        return new Measurements(null, null, null, null, v);
    }

    @Test
    void relativeToleranceAppliesWhenLargerThanTheAbsoluteFloor() {
        // altitude: max(2 km, 5%) of 200 km = 10 km
        ToleranceTable t = ToleranceTable.defaults();
        assertThat(only(altitude(200), altitude(210), t).outcome()).isEqualTo(Comparison.Outcome.CONSISTENT);
        assertThat(only(altitude(200), altitude(189.9), t).outcome()).isEqualTo(Comparison.Outcome.DISCREPANCY);
        assertThat(only(altitude(200), altitude(210), t).allowed()).isEqualTo(10.0);
    }

    @Test
    void absoluteFloorAppliesForSmallDeclaredValues() {
        // altitude 20 km: 5% = 1 km < 2 km floor
        ToleranceTable t = ToleranceTable.defaults();
        assertThat(only(altitude(20), altitude(22), t).outcome()).isEqualTo(Comparison.Outcome.CONSISTENT);
        assertThat(only(altitude(20), altitude(22.01), t).outcome()).isEqualTo(Comparison.Outcome.DISCREPANCY);
    }

    @Test
    void differenceExactlyAtTheToleranceIsConsistent() {
        // 0.1 km/s floor vs 3% of 3.0 = 0.09 → allowed 0.1; 3.0 → 3.1 has a binary-rounding difference of 0.1000…
        ToleranceTable t = ToleranceTable.defaults();
        assertThat(only(velocity(3.0), velocity(3.1), t).outcome()).isEqualTo(Comparison.Outcome.CONSISTENT);
        assertThat(only(velocity(3.0), velocity(3.11), t).outcome()).isEqualTo(Comparison.Outcome.DISCREPANCY);
    }

    @Test
    void missDistanceUsesAnAbsoluteTolerance() {
        ToleranceTable t = ToleranceTable.defaults();
        assertThat(only(miss(0.5), miss(10.5), t).outcome()).isEqualTo(Comparison.Outcome.CONSISTENT);
        assertThat(only(miss(0.5), miss(11.0), t).outcome()).isEqualTo(Comparison.Outcome.DISCREPANCY);
    }

    @Test
    void tolerancesCanBeConfiguredPerQuantity() {
        ToleranceTable strict = ToleranceTable.defaults().with(Quantity.INTERCEPT_ALTITUDE_KM, Tolerance.absolute(0.5));
        assertThat(only(altitude(200), altitude(201), strict).outcome()).isEqualTo(Comparison.Outcome.DISCREPANCY);
        assertThat(Tolerance.relative(0.1).allowedDifference(-50)).isEqualTo(5.0);
        assertThatThrownBy(() -> new Tolerance(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tolerance(-1, 0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesOnOnlyOneSideAreListedButNotFlagged() {
        Comparison c = Comparison.of("o", altitude(100), velocity(3), ToleranceTable.defaults());
        assertThat(c.rows()).extracting(Comparison.Row::outcome).containsOnly(Comparison.Outcome.NOT_COMPARABLE);
        assertThat(c.discrepancies()).isEmpty();
    }
}
