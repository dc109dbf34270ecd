package org.mdcoop.exercise.domain.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.common.domain.ValidationFailed.FieldError;
import org.mdcoop.exercise.domain.physics.Earth;
import org.mdcoop.exercise.domain.physics.TrajectoryGenerator;

/**
 * Field and consistency rules for scenario injects. Field paths are {@code <prefix>[i].<field>}, e.g.
 * {@code injects[3].launchLat}.
 *
 * <ul>
 * <li>at most {@value #MAX_INJECTS} injects; {@code injects} itself must not be null;</li>
 * <li>{@code timeOffsetS}: finite, 0 ≤ t ≤ {@value #MAX_TIME_OFFSET_S} (30 days);</li>
 * <li>latitudes in [−90, 90], longitudes in [−180, 180], finite;</li>
 * <li>{@code missileClass} present; {@code burnoutSpeedKmS} in (0, 8];</li>
 * <li>launch and impact at least {@value #MIN_RANGE_KM} km and at most {@value #MAX_RANGE_KM} km apart
 * (error on {@code impactLat});</li>
 * <li>class consistent with the ground range (error on {@code missileClass}, naming the class the range implies);</li>
 * <li>burnout speed reaches the range on a Keplerian arc (error on {@code burnoutSpeedKmS}, naming the minimum).</li>
 * </ul>
 * Consistency checks only run for injects whose field checks passed.
 */
public final class ScenarioValidator {

    public static final int MAX_INJECTS = 200;
    public static final double MAX_TIME_OFFSET_S = 30 * 86_400.0;
    public static final double MAX_BURNOUT_SPEED_KM_S = 8.0;
    public static final double MIN_RANGE_KM = 1.0;
    public static final double MAX_RANGE_KM = 18_000.0;

    private ScenarioValidator() {
    }

    public static void requireValid(List<Inject> injects, String prefix) {
        List<FieldError> errors = validate(injects, prefix);
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
    }

    public static List<FieldError> validate(List<Inject> injects, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (injects == null) {
            errors.add(new FieldError(prefix, "must not be null"));
            return errors;
        }
        if (injects.size() > MAX_INJECTS) {
            errors.add(new FieldError(prefix, "at most " + MAX_INJECTS + " injects (got " + injects.size() + ")"));
            return errors;
        }
        for (int i = 0; i < injects.size(); i++) {
            validateOne(injects.get(i), prefix + "[" + i + "]", errors);
        }
        return errors;
    }

    private static void validateOne(Inject in, String p, List<FieldError> errors) {
        if (in == null) {
            errors.add(new FieldError(p, "must not be null"));
            return;
        }
        int before = errors.size();
        if (!Double.isFinite(in.timeOffsetS()) || in.timeOffsetS() < 0 || in.timeOffsetS() > MAX_TIME_OFFSET_S) {
            errors.add(new FieldError(p + ".timeOffsetS", "must be between 0 and " + (long) MAX_TIME_OFFSET_S + " s"));
        }
        latitude(in.launchLat(), p + ".launchLat", errors);
        longitude(in.launchLon(), p + ".launchLon", errors);
        latitude(in.impactLat(), p + ".impactLat", errors);
        longitude(in.impactLon(), p + ".impactLon", errors);
        if (in.missileClass() == null) {
            errors.add(new FieldError(p + ".missileClass", "must be one of SRBM, MRBM, IRBM, ICBM"));
        }
        if (!Double.isFinite(in.burnoutSpeedKmS()) || in.burnoutSpeedKmS() <= 0
                || in.burnoutSpeedKmS() > MAX_BURNOUT_SPEED_KM_S) {
            errors.add(new FieldError(p + ".burnoutSpeedKmS", "must be greater than 0 and at most 8 km/s"));
        }
        if (errors.size() > before) {
            return;
        }
        double rangeKm = Earth.greatCircleDistanceM(in.launchPoint(), in.impactPoint()) / 1000.0;
        if (rangeKm < MIN_RANGE_KM) {
            errors.add(new FieldError(p + ".impactLat", "impact point must differ from the launch point (at least "
                    + (int) MIN_RANGE_KM + " km apart)"));
            return;
        }
        if (rangeKm > MAX_RANGE_KM) {
            errors.add(new FieldError(p + ".impactLat",
                    String.format(Locale.ROOT, "ground range %.0f km exceeds the maximum of %.0f km", rangeKm,
                            MAX_RANGE_KM)));
            return;
        }
        if (!in.missileClass().covers(rangeKm)) {
            errors.add(new FieldError(p + ".missileClass", String.format(Locale.ROOT,
                    "%s does not match the ground range %.0f km (that range is %s)", in.missileClass(), rangeKm,
                    MissileClass.forRangeKm(rangeKm))));
        }
        TrajectoryGenerator gen = TrajectoryGenerator.DEFAULT;
        if (!gen.canReach(in.launchPoint(), in.impactPoint(), in.burnoutSpeedMps())) {
            double minKmS = gen.minimumBurnoutSpeedMps(in.launchPoint(), in.impactPoint()) / 1000.0;
            errors.add(new FieldError(p + ".burnoutSpeedKmS", String.format(Locale.ROOT,
                    "%.2f km/s cannot reach the ground range %.0f km; the minimum burnout speed is %.2f km/s",
                    in.burnoutSpeedKmS(), rangeKm, Math.ceil(minKmS * 100) / 100)));
        }
    }

    private static void latitude(double v, String field, List<FieldError> errors) {
        if (!Double.isFinite(v) || v < -90 || v > 90) {
            errors.add(new FieldError(field, "must be between -90 and 90"));
        }
    }

    private static void longitude(double v, String field, List<FieldError> errors) {
        if (!Double.isFinite(v) || v < -180 || v > 180) {
            errors.add(new FieldError(field, "must be between -180 and 180"));
        }
    }
}
