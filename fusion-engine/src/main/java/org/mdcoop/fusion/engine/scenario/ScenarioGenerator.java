package org.mdcoop.fusion.engine.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.mdcoop.fusion.engine.model.BallisticMotionModel;
import org.mdcoop.fusion.engine.model.Earth;
import org.mdcoop.fusion.engine.products.MissileClass;
import org.mdcoop.fusion.engine.tools.Detections;
import org.mdcoop.fusion.engine.tools.StateRows;

/**
 * Builds a {@link Scenario}: missiles on Kepler arcs from launch areas in the south-east towards
 * targets in Europe and southern Russia, seen by the parameters' sensors.
 * <p>
 * Each missile appears at burnout (90-110 km up, 40-90 km downrange of its launch point, after a
 * 60-120 s boost that is not modelled) with the speed that puts the Kepler arc through its aim point on
 * the surface for a flight-path angle drawn in [20, 45] deg; the arc is integrated with the engine's
 * own {@link BallisticMotionModel} (0.1 s RK4 steps, no process noise) and the object disappears when it
 * descends through 20 km.
 * <p>
 * Randomness: one {@link SplittableRandom} stream for the missiles and one per sensor, all split from
 * the seed, so adding clutter or changing pd does not move the missiles.
 */
final class ScenarioGenerator {
    static final double END_ALT_M = 20_000.0;
    /** Trajectory samples are stored every GRID_S; states between them are propagated from the sample before. */
    static final double GRID_S = 0.5;
    private static final BallisticMotionModel EXACT = new BallisticMotionModel(0.0, 0.1);
    private static final double GAMMA_MIN_DEG = 20, GAMMA_MAX_DEG = 45;
    private static final double V_MIN_MPS = 2_000, V_MAX_MPS = 7_200;
    private static final int MAX_DRAWS = 2_000;

    record Area(String name, double latDeg, double lonDeg, double radiusM) {
    }

    record Axis(Area from, Area to, int weight) {
    }

    private static final Area ZAGROS = new Area("LA-ZAGROS", 34.0, 48.5, 150_000);
    private static final Area DASHT = new Area("LA-DASHT", 33.0, 54.0, 150_000);
    /** Launch area -> target area, weight. Ranges 600-4,000 km: SRBM, MRBM and IRBM. */
    static final List<Axis> AXES = List.of(
            new Axis(ZAGROS, new Area("TA-BAKU", 40.4, 49.9, 60_000), 1),
            new Axis(ZAGROS, new Area("TA-ANKARA", 39.9, 32.9, 100_000), 2),
            new Axis(ZAGROS, new Area("TA-ROSTOV", 47.2, 39.7, 120_000), 2),
            new Axis(ZAGROS, new Area("TA-BUCHAREST", 44.4, 26.1, 120_000), 2),
            new Axis(DASHT, new Area("TA-MOSCOW", 55.75, 37.6, 120_000), 2),
            new Axis(DASHT, new Area("TA-VIENNA", 48.2, 16.4, 150_000), 2),
            new Axis(DASHT, new Area("TA-ROME", 41.9, 12.5, 120_000), 1));

    /** A missile with its sampled trajectory. */
    static final class Flight {
        final double t0;
        final double[] grid;
        final int points;
        final double endTime;
        final double apogeeM;
        Missile missile;
        /** Positions at the absolute times k * GRID_S, k from firstK, for the separation check. */
        int firstK;
        double[] samples;

        Flight(double t0, double[] grid, int points, double endTime, double apogeeM) {
            this.t0 = t0;
            this.grid = grid;
            this.points = points;
            this.endTime = endTime;
            this.apogeeM = apogeeM;
        }

        /** Exact (to RK4 at 0.1 s) state at t in [t0, endTime] into out[0..6). */
        void stateAt(double t, double[] out) {
            int k = Math.min((int) ((t - t0) / GRID_S), points - 1);
            k = Math.max(k, 0);
            System.arraycopy(grid, k * 6, out, 0, 6);
            EXACT.propagate(out, 0, t - (t0 + k * GRID_S));
        }
    }

    private final Params p;
    private final SplittableRandom missileRng;
    private final SplittableRandom[] sensorRng;
    /** Per sensor, the constant bias added to its radar measurements of real objects (not to clutter). */
    private final Sensor.Bias[] bias;

    ScenarioGenerator(Params p) {
        this.p = p;
        SplittableRandom root = new SplittableRandom(p.seed());
        missileRng = root.split();
        sensorRng = new SplittableRandom[p.sensors().size()];
        for (int i = 0; i < sensorRng.length; i++) {
            sensorRng[i] = root.split();
        }
        // split after the others and drawn whatever the scale: a biased raid and its unbiased twin differ only here
        SplittableRandom biasRng = root.split();
        bias = new Sensor.Bias[sensorRng.length];
        for (int i = 0; i < bias.length; i++) {
            Sensor.Radar r = p.sensors().get(i).radar();
            double gr = gauss(biasRng), ga = gauss(biasRng), ge = gauss(biasRng);
            bias[i] = r == null || p.biasScale() == 0 ? Sensor.Bias.NONE
                    : new Sensor.Bias(round(p.biasScale() * 2.0 * r.sigmaRangeM() * gr, 100),
                    round(p.biasScale() * 1.5 * r.sigmaAzRad() * ga, 1e9),
                    round(p.biasScale() * 1.5 * r.sigmaElRad() * ge, 1e9));
        }
    }

    Scenario generate() {
        List<Flight> flights = new ArrayList<>();
        for (int i = 0; i < p.missiles(); i++) {
            flights.add(drawMissile(i, flights));
        }
        double duration = p.durationS();
        if (duration == 0) {
            duration = StrictMath.ceil(flights.stream().mapToDouble(f -> f.endTime).max().orElse(60.0));
        }
        ClutterBox box = clutterBox(flights);
        return observe(flights, duration, box);
    }

    // --- missiles ---

    private Flight drawMissile(int index, List<Flight> earlier) {
        SplittableRandom rng = missileRng;
        int totalWeight = AXES.stream().mapToInt(Axis::weight).sum();
        for (int attempt = 0; attempt < MAX_DRAWS; attempt++) {
            int w = rng.nextInt(totalWeight);
            Axis axis = AXES.get(0);
            for (Axis a : AXES) {
                if (w < a.weight()) {
                    axis = a;
                    break;
                }
                w -= a.weight();
            }
            double[] launch = pointIn(rng, axis.from());
            double[] aim = pointIn(rng, axis.to());
            double tb = ms(p.firstBurnoutS() + rng.nextDouble() * p.launchWindowS());
            double boostS = 60 + 60 * rng.nextDouble();
            double downrangeM = 40_000 + 50_000 * rng.nextDouble();
            double hb = 90_000 + 20_000 * rng.nextDouble();
            double[] b = Geo.destination(launch, Geo.azimuth(launch, aim), downrangeM / Earth.RADIUS_M);
            double theta = Geo.angle(b, aim);
            double az = Geo.azimuth(b, aim);
            double r0 = Earth.RADIUS_M + hb;
            double gamma = Double.NaN, v = Double.NaN;
            for (int k = 0; k < 50 && Double.isNaN(gamma); k++) {
                double g = StrictMath.toRadians(GAMMA_MIN_DEG + (GAMMA_MAX_DEG - GAMMA_MIN_DEG) * rng.nextDouble());
                double vv = burnoutSpeed(r0, g, theta);
                if (vv >= V_MIN_MPS && vv <= V_MAX_MPS) {
                    gamma = g;
                    v = vv;
                }
            }
            if (Double.isNaN(gamma)) {
                continue;
            }
            double[] e = Geo.east(b), n = Geo.north(b);
            double horiz = v * StrictMath.cos(gamma), up = v * StrictMath.sin(gamma);
            double[] s0 = new double[6];
            for (int i = 0; i < 3; i++) {
                s0[i] = r0 * b[i];
                s0[3 + i] = up * b[i] + horiz * (StrictMath.cos(az) * n[i] + StrictMath.sin(az) * e[i]);
            }
            Flight f = fly(tb, s0);
            if (f == null || f.endTime <= tb) {
                continue;
            }
            sample(f);
            if (!separated(f, earlier)) {
                continue;
            }
            double[] end = new double[6];
            f.stateAt(f.endTime, end);
            double launchLat = Geo.latDeg(launch[0], launch[1], launch[2]);
            double launchLon = Geo.lonDeg(launch[0], launch[1], launch[2]);
            double rangeM = Earth.RADIUS_M * Geo.angle(launch, aim);
            f.missile = new Missile(objectId(index), axis.from().name(), axis.to().name(),
                    launchLat, launchLon, tb - boostS, tb, Missile.State.of(s0), hb, v, StrictMath.toDegrees(gamma),
                    (StrictMath.toDegrees(az) + 360) % 360, Geo.latDeg(aim[0], aim[1], aim[2]),
                    Geo.lonDeg(aim[0], aim[1], aim[2]), f.endTime, Missile.State.of(end), rangeM, f.apogeeM,
                    MissileClass.ofRange(rangeM));
            return f;
        }
        throw new IllegalArgumentException("could not place missile " + (index + 1) + " at least "
                + p.minSeparationM() + " m from the others in " + MAX_DRAWS + " draws; lower the separation");
    }

    /** M001, M002, ... wide enough that the ids sort like the numbers (truth is sorted by objectId). */
    private String objectId(int index) {
        int width = Math.max(3, Integer.toString(p.missiles()).length());
        return String.format("M%0" + width + "d", index + 1);
    }

    /**
     * Burnout speed that brings the arc from radius r0 at flight-path angle gamma down to the surface a
     * central angle theta further on. From the orbit equation in u = 1/r: u(θ) = 1/p + (1/r0 − 1/p) cos θ
     * − (tan γ / r0) sin θ with u(θ) = 1/R, solved for the semi-latus rectum p = h²/μ, h = r0 v cos γ.
     */
    static double burnoutSpeed(double r0, double gamma, double theta) {
        double c = StrictMath.cos(theta), s = StrictMath.sin(theta);
        double invP = (1 / Earth.RADIUS_M - c / r0 + StrictMath.tan(gamma) * s / r0) / (1 - c);
        if (!(invP > 0)) {
            return Double.NaN;
        }
        return StrictMath.sqrt(Earth.MU_M3PS2 / invP) / (r0 * StrictMath.cos(gamma));
    }

    /** Integrates from burnout to the descent through END_ALT_M; null if it never comes down. */
    private static Flight fly(double t0, double[] s0) {
        double[] grid = new double[6 * 1024];
        double[] s = s0.clone();
        double apogee = Geo.altitudeM(s, 0);
        int k = 0;
        while (true) {
            if (k * 6 + 6 > grid.length) {
                if (grid.length > 6 * 40_000) {
                    return null;
                }
                grid = Arrays.copyOf(grid, grid.length * 2);
            }
            System.arraycopy(s, 0, grid, k * 6, 6);
            k++;
            EXACT.propagate(s, 0, GRID_S);
            double alt = Geo.altitudeM(s, 0);
            apogee = Math.max(apogee, alt);
            if (alt < END_ALT_M) {
                break;
            }
        }
        // bisect the crossing between the last sample above 20 km and the step below it
        double lo = 0, hi = GRID_S;
        double[] probe = new double[6];
        for (int i = 0; i < 40; i++) {
            double mid = 0.5 * (lo + hi);
            System.arraycopy(grid, (k - 1) * 6, probe, 0, 6);
            EXACT.propagate(probe, 0, mid);
            if (Geo.altitudeM(probe, 0) >= END_ALT_M) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new Flight(t0, grid, k, t0 + (k - 1) * GRID_S + lo, apogee);
    }

    private static void sample(Flight f) {
        int first = (int) StrictMath.ceil(f.t0 / GRID_S);
        int last = (int) StrictMath.floor(f.endTime / GRID_S);
        f.firstK = first;
        f.samples = new double[Math.max(0, last - first + 1) * 3];
        double[] s = new double[6];
        for (int k = first; k <= last; k++) {
            f.stateAt(k * GRID_S, s);
            System.arraycopy(s, 0, f.samples, (k - first) * 3, 3);
        }
    }

    private boolean separated(Flight f, List<Flight> earlier) {
        double min2 = p.minSeparationM() * p.minSeparationM();
        if (min2 == 0) {
            return true;
        }
        int fn = f.samples.length / 3;
        for (Flight o : earlier) {
            int from = Math.max(f.firstK, o.firstK);
            int to = Math.min(f.firstK + fn, o.firstK + o.samples.length / 3);
            for (int k = from; k < to; k++) {
                int a = (k - f.firstK) * 3, b = (k - o.firstK) * 3;
                double dx = f.samples[a] - o.samples[b], dy = f.samples[a + 1] - o.samples[b + 1];
                double dz = f.samples[a + 2] - o.samples[b + 2];
                if (dx * dx + dy * dy + dz * dz < min2) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Uniform on the spherical cap of the area's radius. */
    private static double[] pointIn(SplittableRandom rng, Area a) {
        double angle = a.radiusM() / Earth.RADIUS_M * StrictMath.sqrt(rng.nextDouble());
        double az = 2 * StrictMath.PI * rng.nextDouble();
        return Geo.destination(Geo.unit(a.latDeg(), a.lonDeg()), az, angle);
    }

    private ClutterBox clutterBox(List<Flight> flights) {
        double latMin = 90, latMax = -90, lonMin = 180, lonMax = -180, altMax = END_ALT_M;
        for (Flight f : flights) {
            for (int k = 0; k < f.points; k++) {
                double x = f.grid[k * 6], y = f.grid[k * 6 + 1], z = f.grid[k * 6 + 2];
                double lat = Geo.latDeg(x, y, z), lon = Geo.lonDeg(x, y, z);
                latMin = Math.min(latMin, lat);
                latMax = Math.max(latMax, lat);
                lonMin = Math.min(lonMin, lon);
                lonMax = Math.max(lonMax, lon);
            }
            altMax = Math.max(altMax, f.apogeeM);
        }
        if (flights.isEmpty()) {
            // nothing flies: a box around the sensors
            for (Sensor s : p.sensors()) {
                latMin = Math.min(latMin, s.latDeg());
                latMax = Math.max(latMax, s.latDeg());
                lonMin = Math.min(lonMin, s.lonDeg());
                lonMax = Math.max(lonMax, s.lonDeg());
            }
        }
        double margin = p.clutterMarginM();
        double dLat = StrictMath.toDegrees(margin / Earth.RADIUS_M);
        latMin = Math.max(-89, latMin - dLat);
        latMax = Math.min(89, latMax + dLat);
        double widest = StrictMath.cos(StrictMath.toRadians(Math.max(Math.abs(latMin), Math.abs(latMax))));
        double dLon = StrictMath.toDegrees(margin / (Earth.RADIUS_M * widest));
        // the raid is assumed not to straddle the antimeridian
        return new ClutterBox(latMin, latMax, Math.max(-180, lonMin - dLon), Math.min(180, lonMax + dLon), END_ALT_M,
                altMax + margin);
    }

    // --- sensors ---

    private Scenario observe(List<Flight> flights, double duration, ClutterBox box) {
        List<Sensor> sensors = p.sensors();
        if (sensors.size() > 1000) {
            throw new IllegalArgumentException("at most 1000 sensors");
        }
        long durationMs = Math.round(duration * 1000);
        // every scan as (time in ms) * 1024 + sensor index, in time order
        long[] scans = new long[0];
        int nScans = 0;
        for (int si = 0; si < sensors.size(); si++) {
            Sensor s = sensors.get(si);
            for (long t = s.phaseMs(); t <= durationMs; t += s.revisitMs()) {
                if (nScans == scans.length) {
                    scans = Arrays.copyOf(scans, Math.max(1024, nScans * 2));
                }
                scans[nScans++] = t * 1024 + si;
            }
        }
        Arrays.sort(scans, 0, nScans);

        Detections det = new Detections();
        List<String> origins = new ArrayList<>();
        StateRows truth = new StateRows();
        int[] reportSeq = new int[sensors.size()];
        int n = flights.size();
        double[] state = new double[n * 6];
        boolean[] flying = new boolean[n];
        double[] tmp = new double[6];
        Scan scan = new Scan();
        double[] xyz = new double[3], cov6 = new double[6];
        int clutter = 0, maxInFlight = 0, distinctTimes = 0;
        double minSep2 = Double.POSITIVE_INFINITY;
        int i = 0;
        while (i < nScans) {
            long tMs = scans[i] >> 10;
            double t = tMs / 1000.0;
            int inFlight = 0;
            for (int k = 0; k < n; k++) {
                Flight f = flights.get(k);
                flying[k] = t >= f.t0 && t <= f.endTime;
                if (flying[k]) {
                    f.stateAt(t, tmp);
                    System.arraycopy(tmp, 0, state, k * 6, 6);
                    inFlight++;
                }
            }
            int before = det.size;
            for (; i < nScans && (scans[i] >> 10) == tMs; i++) {
                int si = (int) (scans[i] & 1023);
                clutter += observeScan(sensors.get(si), sensorRng[si], t, flights, flying, state, box, scan);
                Sensor s = sensors.get(si);
                for (int r = 0; r < scan.size; r++) {
                    String id = s.sensorId() + "-" + (++reportSeq[si]);
                    if (s.isRadar()) {
                        addRadarReport(det, s, t, scan.x[r], scan.y[r], scan.z[r], id, scan.arrival[r], xyz, cov6);
                    } else {
                        det.add(t, round(scan.x[r], 10), round(scan.y[r], 10), round(scan.z[r], 10), s.sigmaM(),
                                s.sensorId(), s.party(), id, scan.arrival[r]);
                    }
                    origins.add(scan.origin[r] < 0 ? null : flights.get(scan.origin[r]).missile.objectId());
                }
            }
            if (det.size == before) {
                continue; // truth is kept only at detection times
            }
            distinctTimes++;
            maxInFlight = Math.max(maxInFlight, inFlight);
            for (int k = 0; k < n; k++) {
                if (!flying[k]) {
                    continue;
                }
                int o = k * 6;
                truth.add(t, flights.get(k).missile.objectId(), round(state[o], 10), round(state[o + 1], 10),
                        round(state[o + 2], 10), round(state[o + 3], 100), round(state[o + 4], 100),
                        round(state[o + 5], 100));
                for (int m = k + 1; m < n; m++) {
                    if (flying[m]) {
                        int q = m * 6;
                        double dx = state[o] - state[q], dy = state[o + 1] - state[q + 1];
                        double dz = state[o + 2] - state[q + 2];
                        minSep2 = Math.min(minSep2, dx * dx + dy * dy + dz * dz);
                    }
                }
            }
        }
        Map<String, Integer> classes = new TreeMap<>();
        List<Missile> missiles = new ArrayList<>(n);
        for (Flight f : flights) {
            missiles.add(f.missile);
            classes.merge(f.missile.cls().name(), 1, Integer::sum);
        }
        Scenario.Counts counts = new Scenario.Counts(distinctTimes, det.size, clutter, truth.size(), maxInFlight,
                minSep2 == Double.POSITIVE_INFINITY ? Double.NaN : StrictMath.sqrt(minSep2), classes);
        return new Scenario(p, duration, sensors, List.of(bias), List.copyOf(missiles), box, det,
                java.util.Collections.unmodifiableList(origins), truth, counts);
    }

    /**
     * A radar report: {@code (r, az, el)} is the measurement (the scan keeps it in x, y, z), rounded as in the files
     * (0.1 m, 1e-8 rad); position and covariance are converted from the rounded values, so that a reader of the
     * files gets exactly what is in memory. The report's sigma is the covariance's largest axis.
     */
    private static void addRadarReport(Detections det, Sensor s, double t, double r, double az, double el, String id,
                                       double arrival, double[] xyz, double[] cov6) {
        Sensor.Radar radar = s.radar();
        r = round(r, 10);
        az = round(az, 1e8);
        el = round(el, 1e8);
        Geo.toCartesian(s.xM(), s.yM(), s.zM(), r, az, el, radar.sigmaRangeM(), radar.sigmaAzRad(),
                radar.sigmaElRad(), xyz, cov6);
        for (int c = 0; c < 6; c++) {
            cov6[c] = Math.round(cov6[c]);
        }
        double across = Math.max(r * StrictMath.cos(el) * radar.sigmaAzRad(), r * radar.sigmaElRad());
        double sigma = round(Math.max(radar.sigmaRangeM(), across), 10);
        det.addPolar(t, round(xyz[0], 10), round(xyz[1], 10), round(xyz[2], 10), sigma, s.sensorId(), s.party(), id,
                arrival, cov6, r, az, el, radar.sigmaRangeM(), radar.sigmaAzRad(), radar.sigmaElRad(), s.xM(), s.yM(),
                s.zM());
    }

    /** The reports of one sensor scan, reused between scans. */
    private static final class Scan {
        int size;
        double[] x = new double[64], y = new double[64], z = new double[64], arrival = new double[64];
        int[] origin = new int[64];

        void add(double px, double py, double pz, int from) {
            if (size == x.length) {
                int cap = size * 2;
                x = Arrays.copyOf(x, cap);
                y = Arrays.copyOf(y, cap);
                z = Arrays.copyOf(z, cap);
                arrival = Arrays.copyOf(arrival, cap);
                origin = Arrays.copyOf(origin, cap);
            }
            x[size] = px;
            y[size] = py;
            z[size] = pz;
            origin[size] = from;
            size++;
        }

        void swap(int a, int b) {
            double t = x[a]; x[a] = x[b]; x[b] = t;
            t = y[a]; y[a] = y[b]; y[b] = t;
            t = z[a]; z[a] = z[b]; z[b] = t;
            int o = origin[a]; origin[a] = origin[b]; origin[b] = o;
        }
    }

    /**
     * Fills {@code scan} with the sensor's reports at t (detections, then clutter, shuffled); returns the clutter
     * count. A radar's reports hold its measurement (r, az, el) in place of (x, y, z): truth + bias + noise for an
     * object, the exact polar position for clutter.
     */
    private int observeScan(Sensor s, SplittableRandom rng, double t, List<Flight> flights, boolean[] flying,
                            double[] state, ClutterBox box, Scan scan) {
        scan.size = 0;
        double sigma = s.sigmaM();
        Sensor.Radar radar = s.radar();
        Sensor.Bias b = bias[p.sensors().indexOf(s)];
        double[] rae = new double[3];
        for (int k = 0; k < flights.size(); k++) {
            if (!flying[k]) {
                continue;
            }
            int o = k * 6;
            // drawn for every object in flight, so coverage does not shift the other draws
            boolean detected = rng.nextDouble() < p.pd();
            if (detected && s.covers(state[o], state[o + 1], state[o + 2])) {
                if (radar == null) {
                    scan.add(state[o] + sigma * gauss(rng), state[o + 1] + sigma * gauss(rng),
                            state[o + 2] + sigma * gauss(rng), k);
                } else {
                    Geo.toPolar(s.xM(), s.yM(), s.zM(), state[o], state[o + 1], state[o + 2], rae);
                    double r = rae[0] + b.rangeM() + radar.sigmaRangeM() * gauss(rng);
                    double az = Geo.wrapAzimuth(rae[1] + b.azRad() + radar.sigmaAzRad() * gauss(rng));
                    double el = rae[2] + b.elRad() + radar.sigmaElRad() * gauss(rng);
                    scan.add(r, az, el, k);
                }
            }
        }
        int clutter = 0;
        int drawn = poisson(rng, p.clutterPerScan());
        double sinMin = StrictMath.sin(StrictMath.toRadians(box.latMinDeg()));
        double sinMax = StrictMath.sin(StrictMath.toRadians(box.latMaxDeg()));
        for (int c = 0; c < drawn; c++) {
            // uniform in area (sin latitude uniform) and in altitude
            double lat = StrictMath.toDegrees(StrictMath.asin(sinMin + (sinMax - sinMin) * rng.nextDouble()));
            double lon = box.lonMinDeg() + (box.lonMaxDeg() - box.lonMinDeg()) * rng.nextDouble();
            double r = Earth.RADIUS_M + box.altMinM() + (box.altMaxM() - box.altMinM()) * rng.nextDouble();
            double[] u = Geo.unit(lat, lon);
            // a sensor with a max range keeps the part of the box it covers (thinning keeps it Poisson)
            if (s.covers(r * u[0], r * u[1], r * u[2])) {
                if (radar == null) {
                    scan.add(r * u[0], r * u[1], r * u[2], -1);
                } else {
                    Geo.toPolar(s.xM(), s.yM(), s.zM(), r * u[0], r * u[1], r * u[2], rae);
                    scan.add(rae[0], rae[1], rae[2], -1);
                }
                clutter++;
            }
        }
        for (int a = scan.size - 1; a > 0; a--) {
            scan.swap(a, rng.nextInt(a + 1));
        }
        for (int a = 0; a < scan.size; a++) {
            scan.arrival[a] = ms(t + s.delayS() + p.jitterS() * rng.nextDouble());
        }
        return clutter;
    }

    /** Box-Muller (one value per call) with StrictMath, for the same numbers on every JVM. */
    private static double gauss(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(); // (0, 1]
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    /** Knuth's multiplication method; fine for the few clutter reports per scan allowed. */
    static int poisson(SplittableRandom rng, double mean) {
        if (mean <= 0) {
            return 0;
        }
        double limit = StrictMath.exp(-mean), prod = rng.nextDouble();
        int k = 0;
        while (prod > limit) {
            k++;
            prod *= rng.nextDouble();
        }
        return k;
    }

    static double ms(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
