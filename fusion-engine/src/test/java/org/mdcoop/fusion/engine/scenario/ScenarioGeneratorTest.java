package org.mdcoop.fusion.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdcoop.fusion.engine.model.BallisticMotionModel;
import org.mdcoop.fusion.engine.model.Earth;
import org.mdcoop.fusion.engine.products.MissileClass;
import org.mdcoop.fusion.engine.tools.Detections;
import org.mdcoop.fusion.engine.tools.Scorer;
import org.mdcoop.fusion.engine.tools.StateRows;

class ScenarioGeneratorTest {
    /** A shortened raid: every feature (pd < 1, clutter, jitter) in a few seconds of test time. */
    private static final Params SHORT_RAID = Params.raid().withMissiles(20).withDurationS(400);

    private static Scenario raid;

    @BeforeAll
    static void generate() {
        raid = Scenario.generate(SHORT_RAID);
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedOtherData(@TempDir Path tmp) throws Exception {
        ScenarioFiles.write(raid, tmp.resolve("a"), null);
        ScenarioFiles.write(Scenario.generate(SHORT_RAID), tmp.resolve("b"), null);
        ScenarioFiles.write(Scenario.generate(SHORT_RAID.withSeed(99)), tmp.resolve("c"), null);
        for (String f : List.of("sensors.json", "detections.jsonl", "truth.jsonl", "detection_origin.csv",
                "scenario.json")) {
            byte[] a = Files.readAllBytes(tmp.resolve("a").resolve(f));
            assertThat(a).as(f).isNotEmpty().isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(f)));
            if (!f.equals("sensors.json")) {
                assertThat(a).as(f + " with another seed").isNotEqualTo(Files.readAllBytes(tmp.resolve("c").resolve(f)));
            }
        }
    }

    @Test
    void filesReadBackAsTheScenarioInMemory(@TempDir Path tmp) throws Exception {
        ScenarioFiles.write(raid, tmp, null);
        Detections d = Detections.read(tmp.resolve("detections.jsonl"));
        Detections m = raid.detections();
        assertThat(d.size).isEqualTo(m.size).isEqualTo(raid.counts().detections());
        for (int i = 0; i < d.size; i++) {
            assertThat(d.reportId[i]).isEqualTo(m.reportId[i]);
            assertThat(new double[]{d.tSeconds[i], d.xM[i], d.yM[i], d.zM[i], d.sigmaM[i], d.arrivalSeconds[i]})
                    .containsExactly(m.tSeconds[i], m.xM[i], m.yM[i], m.zM[i], m.sigmaM[i], m.arrivalSeconds[i]);
        }
        StateRows t = StateRows.read(tmp.resolve("truth.jsonl"));
        assertThat(t.size()).isEqualTo(raid.truth().size());
        assertThat(java.util.Arrays.copyOf(t.state, t.size() * 6))
                .containsExactly(java.util.Arrays.copyOf(raid.truth().state, t.size() * 6));
        List<String> origin = Files.readAllLines(tmp.resolve("detection_origin.csv"));
        assertThat(origin).hasSize(d.size + 1).first().isEqualTo("reportId,objectId");
        assertThat(origin.get(1)).isEqualTo(m.reportId[0] + "," + (raid.origins().get(0) == null ? "" : raid.origins().get(0)));
    }

    @Test
    void detectionsAreSortedAndTruthIsAtEveryDetectionTime() {
        Detections d = raid.detections();
        for (int i = 1; i < d.size; i++) {
            assertThat(d.tSeconds[i]).isGreaterThanOrEqualTo(d.tSeconds[i - 1]);
        }
        double[] times = Scorer.distinctTimes(d);
        assertThat(times).hasSize(raid.counts().scans());
        StateRows truth = raid.truth();
        int row = 0;
        for (double t : times) {
            Set<String> expected = new HashSet<>();
            for (Missile m : raid.missiles()) {
                if (m.inFlight(t)) {
                    expected.add(m.objectId());
                }
            }
            Set<String> got = new HashSet<>();
            String prev = "";
            while (row < truth.size() && truth.t[row] == t) {
                assertThat(truth.id.get(row)).isGreaterThan(prev);
                prev = truth.id.get(row);
                got.add(truth.id.get(row++));
            }
            assertThat(got).as("objects at t=%s", t).isEqualTo(expected);
        }
        assertThat(row).isEqualTo(truth.size());
        assertThat(raid.counts().minSeparationM()).isGreaterThan(SHORT_RAID.minSeparationM() * 0.9);
    }

    @Test
    void arcsConserveEnergyStayBetweenBurnoutAndEndAltitudeAndHitTheAimPoint() {
        Scenario sc = Scenario.generate(Params.small());
        StateRows truth = sc.truth();
        Map<String, double[]> energy = new HashMap<>(); // objectId -> {min, max} specific energy
        for (int i = 0; i < truth.size(); i++) {
            double[] s = java.util.Arrays.copyOfRange(truth.state, i * 6, i * 6 + 6);
            double r = Math.sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2]);
            double e = 0.5 * (s[3] * s[3] + s[4] * s[4] + s[5] * s[5]) - Earth.MU_M3PS2 / r;
            energy.merge(truth.id.get(i), new double[]{e, e}, (a, b) -> new double[]{Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            double alt = r - Earth.RADIUS_M;
            assertThat(alt).isBetween(ScenarioGenerator.END_ALT_M - 1, 1_500_000.0);
        }
        assertThat(energy).hasSize(12);
        for (double[] e : energy.values()) {
            // rounding to 0.1 m and 0.01 m/s moves e by ~30 J/kg out of ~-3e7
            assertThat((e[1] - e[0]) / Math.abs(e[0])).isLessThan(1e-5);
        }
        BallisticMotionModel fine = new BallisticMotionModel(0, 0.05);
        for (Missile m : sc.missiles()) {
            assertThat(m.burnoutAltM()).isBetween(90_000.0, 110_000.0);
            assertThat(Earth.altitudeM(m.burnout().x(), m.burnout().y(), m.burnout().z()))
                    .isCloseTo(m.burnoutAltM(), offset(1.0));
            assertThat(m.burnoutSpeedMps()).isBetween(2_000.0, 7_200.0);
            assertThat(m.flightPathAngleDeg()).isBetween(20.0, 45.0);
            assertThat(m.apogeeM()).isGreaterThan(m.burnoutAltM());
            assertThat(m.endTimeS()).isGreaterThan(m.burnoutTimeS() + 60);
            assertThat(m.cls()).isEqualTo(MissileClass.ofRange(m.groundRangeM()));
            double[] end = m.end().toArray();
            assertThat(Earth.altitudeM(end[0], end[1], end[2])).isCloseTo(ScenarioGenerator.END_ALT_M, offset(0.5));
            assertThat(end[0] * end[3] + end[1] * end[4] + end[2] * end[5]).as("descending").isNegative();
            // the arc from the end state reaches the surface at the aim point
            while (Earth.altitudeM(end[0], end[1], end[2]) > 0) {
                fine.propagate(end, 0, 0.05);
            }
            double[] aim = Geo.unit(m.aimLatDeg(), m.aimLonDeg());
            assertThat(Earth.groundRangeM(end[0], end[1], end[2], aim[0], aim[1], aim[2])).isLessThan(500.0);
        }
        assertThat(sc.counts().classes().keySet()).as("classes by range").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void arrivalIsAfterTheReportTimeByDelayPlusJitterAndComesOutOfOrder() {
        Detections d = raid.detections();
        Map<String, Sensor> sensors = new HashMap<>();
        raid.sensors().forEach(s -> sensors.put(s.sensorId(), s));
        for (int i = 0; i < d.size; i++) {
            double late = d.arrivalSeconds[i] - d.tSeconds[i];
            double delay = sensors.get(d.sensorId[i]).delayS();
            assertThat(late).isBetween(delay - 0.0005, delay + SHORT_RAID.jitterS() + 0.0005);
        }
        // delivered in arrival order, about half the reports come after one with a later t (0.1-0.5 s
        // delays + up to 1 s jitter against scans 0.1 s apart)
        double outOfOrder = outOfOrderFraction(d);
        assertThat(outOfOrder).isBetween(0.3, 0.9);

        Detections inOrder = Scenario.generate(SHORT_RAID.withMissiles(5).withJitterS(0).withDelayS(0.25)).detections();
        for (int i = 0; i < inOrder.size; i++) {
            assertThat(inOrder.arrivalSeconds[i]).isCloseTo(inOrder.tSeconds[i] + 0.25, offset(1e-9));
        }
        assertThat(outOfOrderFraction(inOrder)).isZero();
    }

    /** Share of reports that, delivered by arrival (ties by file order), follow a report with a later t. */
    private static double outOfOrderFraction(Detections d) {
        Integer[] order = new Integer[d.size];
        for (int i = 0; i < d.size; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(d.arrivalSeconds[a], d.arrivalSeconds[b]));
        double maxT = Double.NEGATIVE_INFINITY;
        int late = 0;
        for (int i : order) {
            if (d.tSeconds[i] < maxT) {
                late++;
            }
            maxT = Math.max(maxT, d.tSeconds[i]);
        }
        return late / (double) d.size;
    }

    @Test
    void detectionProbabilityClutterRateAndNoiseAreAsConfigured() {
        Detections d = raid.detections();
        Map<String, Integer> sensorScans = new HashMap<>();
        Map<String, Integer> objectOpportunities = new HashMap<>();
        int detected = 0, opportunities = 0, clutter = 0;
        Map<String, double[]> truthAt = truthIndex(raid.truth());
        double[] sq = new double[1];
        int residuals = 0;
        // opportunities: every (sensor scan, object in flight), scans counted from the sensors' own schedules
        for (Sensor s : raid.sensors()) {
            for (long t = Math.round(s.phaseS() * 1000); t <= Math.round(raid.durationS() * 1000);
                 t += Math.round(s.revisitS() * 1000)) {
                sensorScans.merge(s.sensorId(), 1, Integer::sum);
                for (Missile m : raid.missiles()) {
                    if (m.inFlight(t / 1000.0)) {
                        opportunities++;
                        objectOpportunities.merge(m.objectId(), 1, Integer::sum);
                    }
                }
            }
        }
        for (int i = 0; i < d.size; i++) {
            String o = raid.origins().get(i);
            if (o == null) {
                clutter++;
                assertThat(raid.clutterBox().contains(d.xM[i], d.yM[i], d.zM[i])).isTrue();
                continue;
            }
            detected++;
            double[] s = truthAt.get(d.tSeconds[i] + "/" + o);
            double[] e = {(d.xM[i] - s[0]) / d.sigmaM[i], (d.yM[i] - s[1]) / d.sigmaM[i], (d.zM[i] - s[2]) / d.sigmaM[i]};
            sq[0] += e[0] * e[0] + e[1] * e[1] + e[2] * e[2];
            residuals += 3;
        }
        int scans = sensorScans.values().stream().mapToInt(Integer::intValue).sum();
        double pd = SHORT_RAID.pd();
        // 5 standard deviations of a binomial / Poisson count
        assertThat((double) detected).isCloseTo(pd * opportunities, offset(5 * Math.sqrt(opportunities * pd * (1 - pd))));
        double lambda = SHORT_RAID.clutterPerScan();
        assertThat((double) clutter).isCloseTo(lambda * scans, offset(5 * Math.sqrt(lambda * scans)));
        assertThat(clutter).isEqualTo(raid.counts().clutter());
        // normalised residuals have unit variance (chi-square mean; rounding to 0.1 m is negligible)
        assertThat(sq[0] / residuals).isCloseTo(1.0, offset(0.03));

        Scenario clean = Scenario.generate(Params.small().withMissiles(4).withDurationS(300));
        assertThat(clean.counts().clutter()).isZero();
        assertThat(clean.origins()).doesNotContainNull();
    }

    private static Map<String, double[]> truthIndex(StateRows truth) {
        Map<String, double[]> m = new HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            m.put(truth.t[i] + "/" + truth.id.get(i), java.util.Arrays.copyOfRange(truth.state, i * 6, i * 6 + 3));
        }
        return m;
    }

    @Test
    void aSensorWithAMaxRangeSeesOnlyWhatIsInRange() {
        double rangeM = 1_500_000;
        Scenario sc = Scenario.generate(SHORT_RAID.withMaxRangeM("NATO-2", rangeM));
        Sensor nato2 = sc.sensors().stream().filter(s -> s.sensorId().equals("NATO-2")).findFirst().orElseThrow();
        Detections d = sc.detections();
        Set<String> seenByNato2 = new HashSet<>(), seenByNato1 = new HashSet<>();
        int nato2Clutter = 0;
        for (int i = 0; i < d.size; i++) {
            String o = sc.origins().get(i);
            if (d.sensorId[i].equals("NATO-2")) {
                double dx = d.xM[i] - nato2.xM(), dy = d.yM[i] - nato2.yM(), dz = d.zM[i] - nato2.zM();
                // reports are the true position plus noise: within range plus a few sigma
                assertThat(Math.sqrt(dx * dx + dy * dy + dz * dz)).isLessThan(rangeM + 6 * nato2.sigmaM());
                if (o == null) {
                    nato2Clutter++;
                } else {
                    seenByNato2.add(o);
                }
            } else if (d.sensorId[i].equals("NATO-1") && o != null) {
                seenByNato1.add(o);
            }
        }
        assertThat(seenByNato1).hasSize(sc.missiles().size());
        // "sees only part of the raid": some objects, not all, and part of its clutter
        assertThat(seenByNato2.size()).isBetween(2, sc.missiles().size() - 2);
        int nato2ClutterUnlimited = 0;
        for (int i = 0; i < raid.detections().size; i++) {
            if (raid.detections().sensorId[i].equals("NATO-2") && raid.origins().get(i) == null) {
                nato2ClutterUnlimited++;
            }
        }
        assertThat(nato2Clutter).isPositive().isLessThan(nato2ClutterUnlimited);
        // the missiles do not depend on the sensors' settings
        assertThat(sc.missiles()).isEqualTo(raid.missiles());
    }

    @Test
    void truthScoredAsTracksHasZeroOspa() {
        StateRows truth = raid.truth();
        StateRows tracks = new StateRows();
        for (int i = 0; i < truth.size(); i++) {
            int o = i * 6;
            tracks.add(truth.t[i], "T-" + truth.id.get(i), truth.state[o], truth.state[o + 1], truth.state[o + 2],
                    truth.state[o + 3], truth.state[o + 4], truth.state[o + 5]);
        }
        Scorer.Score s = Scorer.score(truth, tracks, Scorer.distinctTimes(raid.detections()), Scorer.DEFAULT_CUTOFF_M);
        assertThat(s.ospaM()).isZero();
        assertThat(s.positionRmseM()).isZero();
        assertThat(s.meanCardinalityError()).isZero();
        assertThat(s.idSwitches()).isZero();
        assertThat(s.distinctTrackIds()).isEqualTo(raid.missiles().size());
    }

    @Test
    void badParametersAreRefused() {
        assertThatThrownBy(() -> Params.raid().withPd(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Params.raid().withMaxRangeM("NOPE", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Params.preset("huge")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scenario.generate(Params.small().withMissiles(200).withMinSeparationM(2_000_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("separation");
    }
}
