package org.mdcoop.fusion.engine.scenario;

import java.util.List;

/**
 * Everything a generated scenario depends on; the same parameters give the same scenario, byte for byte.
 *
 * @param durationS      last scan time; 0 = until the last missile has descended through 20 km
 * @param firstBurnoutS  earliest burnout; burnouts are spread uniformly over {@code launchWindowS} after it
 * @param pd             probability that a sensor reports an object in its coverage at a scan
 * @param clutterPerScan mean of the Poisson number of false reports per sensor scan, drawn in the box
 *                       around the raid (a sensor with a max range keeps only those it covers)
 * @param jitterS        each report arrives at t + its sensor's delay + uniform [0, jitterS)
 * @param minSeparationM missiles closer than this at any common time (0.5 s grid) are drawn again, so
 *                       a test can rely on resolvable objects
 * @param biasScale      each radar's constant range / azimuth / elevation bias is drawn from N(0, (2 sigma_r)^2),
 *                       N(0, (1.5 sigma_az)^2), N(0, (1.5 sigma_el)^2) (own random stream) and multiplied by this;
 *                       0 = unbiased. Two scenarios that differ only in this have the same reports and noise, only
 *                       the biases differ (a biased raid and its unbiased twin)
 */
public record Params(long seed, int missiles, double durationS, double firstBurnoutS, double launchWindowS,
                     double pd, double clutterPerScan, double clutterMarginM, double jitterS,
                     double minSeparationM, List<Sensor> sensors, double biasScale) {

    /** Parameters without radar biases. */
    public Params(long seed, int missiles, double durationS, double firstBurnoutS, double launchWindowS,
                  double pd, double clutterPerScan, double clutterMarginM, double jitterS,
                  double minSeparationM, List<Sensor> sensors) {
        this(seed, missiles, durationS, firstBurnoutS, launchWindowS, pd, clutterPerScan, clutterMarginM, jitterS,
                minSeparationM, sensors, 0.0);
    }

    public Params {
        sensors = List.copyOf(sensors);
        if (!(biasScale >= 0 && biasScale <= 100)) {
            throw new IllegalArgumentException("bias scale must be in [0, 100]");
        }
        if (missiles < 0 || missiles > 9_999) {
            throw new IllegalArgumentException("missiles must be 0..9999");
        }
        if (!(durationS >= 0) || !(firstBurnoutS >= 0) || !(launchWindowS >= 0) || !(clutterMarginM >= 0)
                || !(jitterS >= 0) || !(minSeparationM >= 0)) {
            throw new IllegalArgumentException("times, margins and separation must be >= 0");
        }
        if (!(pd >= 0 && pd <= 1)) {
            throw new IllegalArgumentException("pd must be in [0, 1]");
        }
        // Knuth's Poisson sampler underflows beyond this
        if (!(clutterPerScan >= 0 && clutterPerScan <= 500)) {
            throw new IllegalArgumentException("clutter per scan must be in [0, 500]");
        }
        if (sensors.isEmpty()) {
            throw new IllegalArgumentException("at least one sensor");
        }
        if (sensors.stream().map(Sensor::sensorId).distinct().count() != sensors.size()) {
            throw new IllegalArgumentException("sensor ids must be unique");
        }
    }

    /** 12 missiles, pd 1, no clutter: every missile must become exactly one confirmed track. */
    public static Params small() {
        return new Params(1, 12, 0, 5, 120, 1.0, 0, 100_000, 1.0, 20_000, Sensor.DEFAULTS);
    }

    /** 60 missiles, pd 0.9, 2 clutter reports per sensor scan: the accuracy and speed load. */
    public static Params raid() {
        return new Params(2, 60, 0, 5, 180, 0.9, 2, 100_000, 1.0, 5_000, Sensor.DEFAULTS);
    }

    /**
     * 30 missiles, pd 0.9, 2 clutter reports per sensor scan, seen by {@link Sensor#RADARS} (polar errors) with
     * biases of scale 1: the registration load. {@code radar().withBiasScale(0)} is its unbiased twin.
     */
    public static Params radar() {
        return new Params(3, 30, 0, 5, 180, 0.9, 2, 100_000, 1.0, 5_000, Sensor.RADARS, 1.0);
    }

    public static Params preset(String name) {
        return switch (name) {
            case "small" -> small();
            case "raid" -> raid();
            case "radar" -> radar();
            default -> throw new IllegalArgumentException("unknown preset " + name + " (small, raid, radar)");
        };
    }

    public Params withBiasScale(double v) {
        return new Params(seed, missiles, durationS, firstBurnoutS, launchWindowS, pd, clutterPerScan, clutterMarginM,
                jitterS, minSeparationM, sensors, v);
    }

    /** Every sensor a radar with the given errors (sites, revisits, phases and delays kept). */
    public Params withRadar(Sensor.Radar r, double nominalSigmaM) {
        return withSensors(sensors.stream().map(s -> s.withRadar(r, nominalSigmaM)).toList());
    }

    public Params withSeed(long v) {
        return new Params(v, missiles, durationS, firstBurnoutS, launchWindowS, pd, clutterPerScan, clutterMarginM,
                jitterS, minSeparationM, sensors, biasScale);
    }

    public Params withMissiles(int v) {
        return new Params(seed, v, durationS, firstBurnoutS, launchWindowS, pd, clutterPerScan, clutterMarginM,
                jitterS, minSeparationM, sensors, biasScale);
    }

    public Params withDurationS(double v) {
        return new Params(seed, missiles, v, firstBurnoutS, launchWindowS, pd, clutterPerScan, clutterMarginM,
                jitterS, minSeparationM, sensors, biasScale);
    }

    public Params withLaunchWindowS(double v) {
        return new Params(seed, missiles, durationS, firstBurnoutS, v, pd, clutterPerScan, clutterMarginM,
                jitterS, minSeparationM, sensors, biasScale);
    }

    public Params withPd(double v) {
        return new Params(seed, missiles, durationS, firstBurnoutS, launchWindowS, v, clutterPerScan, clutterMarginM,
                jitterS, minSeparationM, sensors, biasScale);
    }

    public Params withClutterPerScan(double v) {
        return new Params(seed, missiles, durationS, firstBurnoutS, launchWindowS, pd, v, clutterMarginM,
                jitterS, minSeparationM, sensors, biasScale);
    }

    public Params withJitterS(double v) {
        return new Params(seed, missiles, durationS, firstBurnoutS, launchWindowS, pd, clutterPerScan, clutterMarginM,
                v, minSeparationM, sensors, biasScale);
    }

    public Params withMinSeparationM(double v) {
        return new Params(seed, missiles, durationS, firstBurnoutS, launchWindowS, pd, clutterPerScan, clutterMarginM,
                jitterS, v, sensors, biasScale);
    }

    public Params withSensors(List<Sensor> v) {
        return new Params(seed, missiles, durationS, firstBurnoutS, launchWindowS, pd, clutterPerScan, clutterMarginM,
                jitterS, minSeparationM, v, biasScale);
    }

    /** The same delivery delay for every sensor. */
    public Params withDelayS(double d) {
        return withSensors(sensors.stream().map(s -> s.withDelayS(d)).toList());
    }

    /** The same coverage for every sensor (0 = unlimited). */
    public Params withMaxRangeM(double m) {
        return withSensors(sensors.stream().map(s -> s.withMaxRangeM(m)).toList());
    }

    /** Coverage for one sensor. */
    public Params withMaxRangeM(String sensorId, double m) {
        if (sensors.stream().noneMatch(s -> s.sensorId().equals(sensorId))) {
            throw new IllegalArgumentException("no sensor " + sensorId);
        }
        return withSensors(sensors.stream().map(s -> s.sensorId().equals(sensorId) ? s.withMaxRangeM(m) : s).toList());
    }
}
