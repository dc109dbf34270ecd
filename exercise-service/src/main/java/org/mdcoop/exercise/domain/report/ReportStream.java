package org.mdcoop.exercise.domain.report;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;

import org.mdcoop.exercise.domain.physics.StateVector;

/**
 * Lazy, time-sorted synthetic reports of one {@link ScenarioRun}. Not thread-safe; one consumer paces it.
 *
 * <p>Each sensor scans at {@code epoch + phase + k·revisit} (k = 0, 1, ...; rounded to the millisecond) until the
 * run's end time. At a scan it reports every object in flight (burnout ≤ t ≤ 20 km descent) that it sees (range, line
 * of sight), as the true position plus N(0, σ²) per axis. Report ids are {@code EX-<first 8 hex digits of the exercise
 * id>-<sensorId>-<n>} with n = 1, 2, ... per sensor. Noise comes from a {@link Random} per sensor seeded from the run
 * seed and the sensor id, so reports are reproducible whatever the pacing.
 *
 * <p>Pacing (the caller's): {@link #nextDueTime()} is the scenario time of the next report; {@link #pollDue} returns
 * every report due up to a scenario time; to resume after a restart use {@link #skipUntil}.
 */
public final class ReportStream implements Iterator<SyntheticReport> {

    private final ScenarioRun run;
    private final String idPrefix;
    private final Instant end;
    private final PriorityQueue<Cursor> queue;
    private final ArrayDeque<SyntheticReport> ready = new ArrayDeque<>();

    ReportStream(ScenarioRun run, List<DeclaredSensor> sensors, long seed) {
        this.run = run;
        this.idPrefix = "EX-" + run.exerciseId().toString().replace("-", "").substring(0, 8) + "-";
        this.end = run.endTime();
        this.queue = new PriorityQueue<>((a, b) -> {
            int c = a.nextTime.compareTo(b.nextTime);
            return c != 0 ? c : Integer.compare(a.order, b.order);
        });
        for (int i = 0; i < sensors.size(); i++) {
            Cursor c = new Cursor(sensors.get(i), i, new Random(mix(seed, sensors.get(i).sensorId())));
            if (!c.nextTime.isAfter(end)) {
                queue.add(c);
            }
        }
    }

    static long mix(long seed, String sensorId) {
        long z = seed + 0x9E3779B97F4A7C15L * (sensorId.hashCode() + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private void fill() {
        while (ready.isEmpty() && !queue.isEmpty()) {
            Cursor c = queue.poll();
            c.scan(ready);
            c.advance();
            if (!c.nextTime.isAfter(end)) {
                queue.add(c);
            }
        }
    }

    @Override
    public boolean hasNext() {
        fill();
        return !ready.isEmpty();
    }

    @Override
    public SyntheticReport next() {
        fill();
        if (ready.isEmpty()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    /** Scenario time of the next report, empty when the stream is exhausted. */
    public Optional<Instant> nextDueTime() {
        fill();
        return ready.isEmpty() ? Optional.empty() : Optional.of(ready.peek().report().t());
    }

    /** Every remaining report with {@code t ≤ scenarioTime}, in order. */
    public List<SyntheticReport> pollDue(Instant scenarioTime) {
        List<SyntheticReport> out = new ArrayList<>();
        while (true) {
            Optional<Instant> due = nextDueTime();
            if (due.isEmpty() || due.get().isAfter(scenarioTime)) {
                return out;
            }
            out.add(next());
        }
    }

    /** Drops every report before {@code scenarioTime} (ids and noise of the rest are unchanged). */
    public void skipUntil(Instant scenarioTime) {
        while (true) {
            Optional<Instant> due = nextDueTime();
            if (due.isEmpty() || !due.get().isBefore(scenarioTime)) {
                return;
            }
            next();
        }
    }

    /** Drains the rest of the stream. */
    public List<SyntheticReport> toList() {
        List<SyntheticReport> out = new ArrayList<>();
        forEachRemaining(out::add);
        return out;
    }

    private final class Cursor {
        final DeclaredSensor sensor;
        final int order;
        final Random noise;
        long scan;
        long sequence;
        Instant nextTime;

        Cursor(DeclaredSensor sensor, int order, Random noise) {
            this.sensor = sensor;
            this.order = order;
            this.noise = noise;
            this.nextTime = timeOf(0);
            skipIdle();
        }

        Instant timeOf(long k) {
            return run.epoch().plusMillis(Math.round((sensor.phaseS() + k * sensor.revisitS()) * 1000.0));
        }

        void advance() {
            scan++;
            nextTime = timeOf(scan);
            skipIdle();
        }

        /** Jumps over scans at which no object is in flight (no noise is drawn there, so nothing changes). */
        void skipIdle() {
            Instant nextActive = null;
            for (PlannedLaunch l : run.launches()) {
                if (!l.endTime().isBefore(nextTime)) {
                    Instant b = l.burnoutTime();
                    if (nextActive == null || b.isBefore(nextActive)) {
                        nextActive = b;
                    }
                }
            }
            if (nextActive == null) {
                nextTime = end.plusSeconds(1); // exhausted
                return;
            }
            if (!nextTime.isBefore(nextActive)) {
                return;
            }
            double gapS = java.time.Duration.between(nextTime, nextActive).toNanos() / 1e9;
            long jump = (long) Math.floor(gapS / sensor.revisitS()) - 1;
            if (jump > 0) {
                scan += jump;
                nextTime = timeOf(scan);
            }
            while (nextTime.isBefore(nextActive)) {
                scan++;
                nextTime = timeOf(scan);
            }
        }

        void scan(ArrayDeque<SyntheticReport> out) {
            Instant t = nextTime;
            for (PlannedLaunch l : run.launches()) {
                if (!l.inFlight(t)) {
                    continue;
                }
                StateVector s = l.stateAt(t);
                if (!sensor.sees(s.x(), s.y(), s.z())) {
                    continue;
                }
                double sigma = sensor.sigmaM();
                double x = s.x() + sigma * noise.nextGaussian();
                double y = s.y() + sigma * noise.nextGaussian();
                double z = s.z() + sigma * noise.nextGaussian();
                sequence++;
                out.add(new SyntheticReport(new SensorReport(idPrefix + sensor.sensorId() + "-" + sequence,
                        sensor.sensorId(), sensor.party(), t, x, y, z, sigma, true, run.exerciseId().toString()),
                        l.objectId()));
            }
        }
    }
}
