package org.mdcoop.exercise.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.exercise.domain.physics.StateVector;
import org.mdcoop.exercise.domain.scenario.Inject;
import org.mdcoop.exercise.domain.scenario.MissileClass;
import org.mdcoop.exercise.domain.scenario.Scenario;

class ReportStreamTest {

    static final UUID EXERCISE = UUID.fromString("3f2a9c1e-0b7d-4e55-9a10-2c4d6e8f0a1b");
    static final Instant EPOCH = Instant.parse("2027-03-01T08:00:00Z");

    static final List<DeclaredSensor> SENSORS = List.of(
            DeclaredSensor.atGeodetic("NATO-R1", Party.NATO, 4.0, 35.0, 0.0, 50.0, 0.5, null, 0.0),
            DeclaredSensor.atGeodetic("NATO-R2", Party.NATO, -3.0, 39.0, 0.0, 120.0, 1.0, null, 0.25),
            DeclaredSensor.atGeodetic("RU-R1", Party.RUSSIA, 2.0, 41.0, 0.0, 200.0, 0.5, null, 0.1),
            DeclaredSensor.atGeodetic("RU-R2", Party.RUSSIA, 0.0, 33.0, 500.0, 80.0, 2.0, null, 0.0));

    static ScenarioRun run;
    static List<SyntheticReport> all;

    @BeforeAll
    static void generate() {
        Scenario scenario = Scenario.initial(List.of(
                new Inject(0, 0.0, 30.0, 0.0, 43.5, MissileClass.MRBM, 4.5),
                new Inject(45.5, 1.0, 30.0, -1.0, 42.0, MissileClass.MRBM, 4.8),
                new Inject(120, -2.0, 31.0, 3.0, 38.0, MissileClass.SRBM, 3.0)));
        run = ScenarioRun.plan(EXERCISE, EPOCH, scenario);
        all = run.reports(SENSORS, 42L).toList();
    }

    @Test
    void reportsAreSortedByTimeAndFlaggedAsExercise() {
        assertThat(all).hasSizeGreaterThan(5_000);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).report().t()).isAfterOrEqualTo(all.get(i - 1).report().t());
        }
        assertThat(all).allSatisfy(r -> {
            assertThat(r.report().exercise()).isTrue();
            assertThat(r.report().exerciseId()).isEqualTo(EXERCISE.toString());
        });
        assertThat(all).extracting(r -> r.report().sensorId()).containsOnly("NATO-R1", "NATO-R2", "RU-R1", "RU-R2");
        assertThat(all).filteredOn(r -> r.report().sensorId().startsWith("RU"))
                .allSatisfy(r -> assertThat(r.report().party()).isEqualTo(Party.RUSSIA));
        assertThat(all).extracting(SyntheticReport::objectId).containsOnly(0, 1, 2);
    }

    @Test
    void reportIdsAreUniqueAndNumberedPerSensor() {
        Set<String> ids = new HashSet<>();
        Map<String, Integer> last = new java.util.HashMap<>();
        for (SyntheticReport r : all) {
            SensorReport rep = r.report();
            assertThat(ids.add(rep.reportId())).as("unique " + rep.reportId()).isTrue();
            int n = last.merge(rep.sensorId(), 1, Integer::sum);
            assertThat(rep.reportId()).isEqualTo("EX-3f2a9c1e-" + rep.sensorId() + "-" + n);
        }
    }

    @Test
    void sameSeedGivesIdenticalReportsAndAnotherSeedOnlyOtherNoise() {
        List<SyntheticReport> again = run.reports(SENSORS, 42L).toList();
        assertThat(again).isEqualTo(all);
        List<SyntheticReport> other = run.reports(SENSORS, 43L).toList();
        assertThat(other).hasSameSizeAs(all);
        for (int i = 0; i < all.size(); i++) {
            assertThat(other.get(i).report().reportId()).isEqualTo(all.get(i).report().reportId());
            assertThat(other.get(i).report().t()).isEqualTo(all.get(i).report().t());
        }
        assertThat(other.get(0).report().x()).isNotEqualTo(all.get(0).report().x());
    }

    @Test
    void oneSensorsReportsDoNotDependOnTheOtherSensors() {
        List<SyntheticReport> alone = run.reports(List.of(SENSORS.get(2)), 42L).toList();
        assertThat(alone).isEqualTo(all.stream().filter(r -> r.report().sensorId().equals("RU-R1")).toList());
    }

    @Test
    void noiseMatchesTheSensorSigma() {
        Map<String, List<SyntheticReport>> bySensor = all.stream()
                .collect(Collectors.groupingBy(r -> r.report().sensorId()));
        for (DeclaredSensor s : SENSORS) {
            List<SyntheticReport> reps = bySensor.get(s.sensorId());
            assertThat(reps).as(s.sensorId()).hasSizeGreaterThan(400);
            double sum = 0;
            double sum2 = 0;
            int n = 0;
            for (SyntheticReport r : reps) {
                StateVector truth = run.launches().get(r.objectId()).stateAt(r.report().t());
                double[] d = {r.report().x() - truth.x(), r.report().y() - truth.y(), r.report().z() - truth.z()};
                for (double v : d) {
                    sum += v;
                    sum2 += v * v;
                    n++;
                }
                assertThat(r.report().sigma()).isEqualTo(s.sigmaM());
            }
            double mean = sum / n;
            double std = Math.sqrt(sum2 / n - mean * mean);
            assertThat(mean).as(s.sensorId() + " mean").isCloseTo(0.0, within(4 * s.sigmaM() / Math.sqrt(n)));
            assertThat(std / s.sigmaM()).as(s.sensorId() + " std/sigma over " + n).isCloseTo(1.0, within(0.04));
        }
    }

    @Test
    void reportsComeOnlyFromObjectsInFlightAboveTwentyKilometres() {
        for (SyntheticReport r : all) {
            PlannedLaunch l = run.launches().get(r.objectId());
            assertThat(r.report().t()).isBetween(l.burnoutTime(), l.endTime());
            StateVector truth = l.stateAt(r.report().t());
            assertThat(truth.altitudeM()).isGreaterThanOrEqualTo(20_000.0 - 1.0);
            assertThat(truth.speedMps()).isLessThanOrEqualTo(8_000.0);
        }
        assertThat(run.launches().get(1).launchTime()).isEqualTo(EPOCH.plusMillis(45_500));
        assertThat(run.launches().get(1).burnoutTime()).isEqualTo(EPOCH.plusMillis(45_500 + 90_000));
    }

    @Test
    void scansFollowPhaseAndRevisit() {
        for (DeclaredSensor s : SENSORS) {
            all.stream().filter(r -> r.report().sensorId().equals(s.sensorId())).forEach(r -> {
                long ms = Duration.between(EPOCH, r.report().t()).toMillis();
                double k = (ms / 1000.0 - s.phaseS()) / s.revisitS();
                assertThat(k).isCloseTo(Math.rint(k), within(1e-6));
            });
        }
    }

    @Test
    void sensorOnTheFarSideOfTheEarthSeesNothing() {
        DeclaredSensor far = DeclaredSensor.atGeodetic("FAR", Party.NATO, 0.0, -144.0, 0.0, 50, 1.0, null, 0);
        assertThat(run.reports(List.of(far), 1L).hasNext()).isFalse();
    }

    @Test
    void maximumRangeLimitsWhatASensorReports() {
        DeclaredSensor unlimited = SENSORS.get(0);
        DeclaredSensor limited = new DeclaredSensor("NATO-R1", Party.NATO, unlimited.xM(), unlimited.yM(),
                unlimited.zM(), unlimited.sigmaM(), unlimited.revisitS(), 400_000.0, unlimited.phaseS());
        List<SyntheticReport> few = run.reports(List.of(limited), 42L).toList();
        long many = all.stream().filter(r -> r.report().sensorId().equals("NATO-R1")).count();
        assertThat(few).isNotEmpty().hasSizeLessThan((int) many);
        for (SyntheticReport r : few) {
            StateVector truth = run.launches().get(r.objectId()).stateAt(r.report().t());
            assertThat(truth.distanceM(limited.xM(), limited.yM(), limited.zM())).isLessThanOrEqualTo(400_000.0);
        }
    }

    @Test
    void pacingApiReleasesReportsWhenDue() {
        ReportStream stream = run.reports(SENSORS, 42L);
        Instant first = stream.nextDueTime().orElseThrow();
        assertThat(first).isEqualTo(all.get(0).report().t());
        assertThat(stream.pollDue(first.minusMillis(1))).isEmpty();
        Instant cut = first.plusSeconds(60);
        List<SyntheticReport> due = stream.pollDue(cut);
        assertThat(due).isEqualTo(all.stream().filter(r -> !r.report().t().isAfter(cut)).toList());
        assertThat(stream.nextDueTime().orElseThrow()).isAfter(cut);
    }

    @Test
    void skippingToATimeResumesWithIdenticalReports() {
        ReportStream stream = run.reports(SENSORS, 42L);
        Instant resume = all.get(all.size() / 2).report().t();
        stream.skipUntil(resume);
        assertThat(stream.toList()).isEqualTo(all.stream().filter(r -> !r.report().t().isBefore(resume)).toList());
        assertThat(stream.nextDueTime()).isEmpty();
    }

    @Test
    void groundTruthCoversEachFlightFromBurnoutToTwentyKilometres() {
        List<GroundTruthRow> rows = run.groundTruth(Duration.ofSeconds(1));
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).t()).isAfterOrEqualTo(rows.get(i - 1).t());
        }
        for (PlannedLaunch l : run.launches()) {
            List<GroundTruthRow> mine = rows.stream().filter(r -> r.objectId() == l.objectId()).toList();
            assertThat(mine.get(0).t()).isEqualTo(l.burnoutTime());
            assertThat(mine.get(mine.size() - 1).t()).isEqualTo(l.endTime());
            GroundTruthRow end = mine.get(mine.size() - 1);
            assertThat(Math.sqrt(end.x() * end.x() + end.y() * end.y() + end.z() * end.z()) - 6_371_000.0)
                    .isCloseTo(20_000.0, within(1.0));
            double flightS = Duration.between(l.burnoutTime(), l.endTime()).toMillis() / 1000.0;
            assertThat(mine).hasSizeBetween((int) flightS, (int) flightS + 3);
        }
        assertThat(run.endTime()).isEqualTo(run.launches().stream().map(PlannedLaunch::endTime)
                .max(Instant::compareTo).orElseThrow());
        assertThat(run.groundTruthAt(run.launches().get(0).burnoutTime().plusSeconds(10)))
                .extracting(GroundTruthRow::objectId).contains(0);
    }

    @Test
    void invalidSensorsAreRejectedWithFieldPaths() {
        DeclaredSensor bad = new DeclaredSensor("bad id", null, 0, 0, 0, 0, 0.01, -1.0, -1);
        assertThatThrownBy(() -> run.reports(List.of(SENSORS.get(0), bad, SENSORS.get(0)), 1L))
                .isInstanceOfSatisfying(ValidationFailed.class, ex -> assertThat(ex.errors())
                        .extracting(ValidationFailed.FieldError::field)
                        .containsExactly("sensors[1].sensorId", "sensors[1].party", "sensors[1].xM",
                                "sensors[1].sigmaM", "sensors[1].revisitS", "sensors[1].maxRangeM", "sensors[1].phaseS",
                                "sensors[2].sensorId"));
    }
}
