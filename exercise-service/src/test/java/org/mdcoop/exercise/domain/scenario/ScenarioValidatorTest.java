package org.mdcoop.exercise.domain.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.common.domain.ValidationFailed.FieldError;
import org.mdcoop.exercise.domain.physics.Earth;
import org.mdcoop.exercise.domain.physics.GeoPoint;

class ScenarioValidatorTest {

    /** Along the equator, 1 degree of longitude = 111.19 km. */
    private static Inject equatorial(double rangeKm, MissileClass cls, double speedKmS) {
        double dLon = rangeKm / (Math.PI / 180 * Earth.RADIUS_M / 1000.0);
        return new Inject(0, 0.0, 10.0, 0.0, 10.0 + dLon, cls, speedKmS);
    }

    private static List<String> fields(List<Inject> injects) {
        return ScenarioValidator.validate(injects, "injects").stream().map(FieldError::field).toList();
    }

    @Test
    void aSensibleScenarioIsValid() {
        List<Inject> ok = List.of(equatorial(600, MissileClass.SRBM, 2.5), equatorial(2000, MissileClass.MRBM, 4.5),
                equatorial(4000, MissileClass.IRBM, 6.0), equatorial(9000, MissileClass.ICBM, 7.3));
        assertThat(ScenarioValidator.validate(ok, "injects")).isEmpty();
        assertThat(Scenario.initial(ok).version()).isEqualTo(1);
    }

    @Test
    void fieldErrorsNameTheInjectAndTheField() {
        List<Inject> injects = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            injects.add(equatorial(600, MissileClass.SRBM, 2.5));
        }
        injects.add(new Inject(-1, 91, -181, -90.5, 180.5, null, 0));
        injects.add(new Inject(Double.NaN, 0, 10, 0, 15, MissileClass.SRBM, 8.01));
        assertThat(fields(injects)).containsExactly("injects[3].timeOffsetS", "injects[3].launchLat",
                "injects[3].launchLon", "injects[3].impactLat", "injects[3].impactLon", "injects[3].missileClass",
                "injects[3].burnoutSpeedKmS", "injects[4].timeOffsetS", "injects[4].burnoutSpeedKmS");
    }

    @Test
    void scenarioFactoryThrowsValidationFailedWithThePaths() {
        assertThatThrownBy(() -> Scenario.initial(List.of(new Inject(0, 100, 0, 0, 1, MissileClass.SRBM, 2))))
                .isInstanceOfSatisfying(ValidationFailed.class, ex -> assertThat(ex.errors())
                        .containsExactly(new FieldError("injects[0].launchLat", "must be between -90 and 90")));
    }

    @Test
    void launchPointMustDifferFromImpactPoint() {
        assertThat(fields(List.of(new Inject(0, 50, 30, 50, 30, MissileClass.SRBM, 2))))
                .containsExactly("injects[0].impactLat");
    }

    @ParameterizedTest(name = "{0} km declared {1} -> expected class {2}")
    @CsvSource({"999, MRBM, SRBM", "1001, SRBM, MRBM", "2999, IRBM, MRBM", "3001, MRBM, IRBM", "5499, ICBM, IRBM",
            "5501, IRBM, ICBM"})
    void missileClassMustMatchTheGroundRange(double rangeKm, MissileClass declared, MissileClass actual) {
        List<FieldError> errors = ScenarioValidator.validate(List.of(equatorial(rangeKm, declared, 7.9)), "injects");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("injects[0].missileClass");
            assertThat(e.message()).contains(declared.name()).contains("that range is " + actual.name());
        });
        assertThat(ScenarioValidator.validate(List.of(equatorial(rangeKm, actual, 7.9)), "injects")).isEmpty();
    }

    @Test
    void burnoutSpeedTooLowForTheRangeNamesTheMinimum() {
        List<FieldError> errors = ScenarioValidator.validate(List.of(equatorial(2000, MissileClass.MRBM, 2.0)),
                "injects");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("injects[0].burnoutSpeedKmS");
            assertThat(e.message()).matches(".*minimum burnout speed is 3\\.9\\d km/s");
        });
        Inject i = equatorial(2000, MissileClass.MRBM, 2.0);
        double min = org.mdcoop.exercise.domain.physics.TrajectoryGenerator.DEFAULT
                .minimumBurnoutSpeedMps(i.launchPoint(), i.impactPoint()) / 1000.0;
        String expected = String.format(java.util.Locale.ROOT, "%.2f km/s", Math.ceil(min * 100) / 100);
        assertThat(errors.get(0).message()).endsWith(expected);
        assertThat(ScenarioValidator.validate(List.of(equatorial(2000, MissileClass.MRBM,
                Math.ceil(min * 100) / 100)), "injects")).isEmpty();
    }

    @Test
    void atMostTwoHundredInjects() {
        Inject one = equatorial(300, MissileClass.SRBM, 2.0);
        assertThat(ScenarioValidator.validate(Collections.nCopies(200, one), "injects")).isEmpty();
        assertThat(fields(Collections.nCopies(201, one))).containsExactly("injects");
    }

    @Test
    void prefixIsConfigurableForNestedBodies() {
        assertThat(ScenarioValidator.validate(List.of(new Inject(-5, 0, 10, 0, 12, MissileClass.SRBM, 2)),
                "scenario.injects")).extracting(FieldError::field).containsExactly("scenario.injects[0].timeOffsetS");
    }

    @Test
    void nextVersionValidatesAndIncrements() {
        Scenario s = Scenario.initial(List.of(equatorial(600, MissileClass.SRBM, 2.5)));
        Scenario s2 = s.next(List.of(equatorial(600, MissileClass.SRBM, 2.5), equatorial(700, MissileClass.SRBM, 3)));
        assertThat(s2.version()).isEqualTo(2);
        assertThat(s2.injects()).hasSize(2);
        assertThatThrownBy(() -> s2.next(List.of(equatorial(600, MissileClass.ICBM, 2.5))))
                .isInstanceOf(ValidationFailed.class);
    }

    @Test
    void classBoundariesFollowTheFusionData() {
        assertThat(MissileClass.forRangeKm(999.9)).isEqualTo(MissileClass.SRBM);
        assertThat(MissileClass.forRangeKm(1000)).isEqualTo(MissileClass.MRBM);
        assertThat(MissileClass.forRangeKm(3000)).isEqualTo(MissileClass.IRBM);
        assertThat(MissileClass.forRangeKm(5500)).isEqualTo(MissileClass.ICBM);
        assertThat(Earth.greatCircleDistanceM(GeoPoint.of(0, 10), equatorial(1234, MissileClass.MRBM, 5)
                .impactPoint()) / 1000).isCloseTo(1234, org.assertj.core.api.Assertions.within(1e-6));
    }
}
