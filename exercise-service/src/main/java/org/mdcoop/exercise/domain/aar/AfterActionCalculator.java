package org.mdcoop.exercise.domain.aar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mdcoop.exercise.domain.physics.Earth;

/**
 * Pure after-action scoring of fused tracks against the ground truth.
 *
 * <p><b>Association.</b> For each track and each object, the mean 3-D distance between the track's samples and the
 * true position at the same instants, over the track samples that fall inside the object's observable span (true
 * position by cubic Hermite interpolation of the truth samples with their velocities). A track is associated with the
 * object of smallest mean distance if that mean is within the gate (default {@value #DEFAULT_GATE_M} m); ties go to
 * the lower object id. A track associated with no object is a <b>false track</b>. Several tracks may be associated with
 * one object (breaks or duplicates).
 *
 * <p><b>Per launch</b>: see {@link LaunchMetrics}. Detection latency is measured from the object's first observable
 * instant (burnout, its first truth sample), since nothing can see the boost here; the latency from launch is given as
 * well. Launch/impact errors use the primary track (most samples), great-circle on the 6,371 km sphere.
 */
public final class AfterActionCalculator {

    public static final double DEFAULT_GATE_M = 5_000.0;

    private AfterActionCalculator() {
    }

    public static AfterActionMetrics compute(List<TruthObject> truth, List<FusedTrack> tracks) {
        return compute(truth, tracks, DEFAULT_GATE_M);
    }

    public static AfterActionMetrics compute(List<TruthObject> truth, List<FusedTrack> tracks, double gateM) {
        if (!(gateM > 0)) {
            throw new IllegalArgumentException("gate must be positive");
        }
        List<TruthObject> objects = truth.stream().sorted(Comparator.comparingInt(TruthObject::objectId)).toList();
        List<FusedTrack> sortedTracks = tracks.stream().sorted(Comparator.comparing(FusedTrack::trackId)).toList();
        Map<Integer, List<FusedTrack>> byObject = new LinkedHashMap<>();
        objects.forEach(o -> byObject.put(o.objectId(), new ArrayList<>()));
        List<String> falseTracks = new ArrayList<>();
        for (FusedTrack track : sortedTracks) {
            TruthObject best = null;
            double bestMean = Double.POSITIVE_INFINITY;
            for (TruthObject o : objects) {
                double[] sumCount = distanceSum(track, o);
                if (sumCount[1] == 0) {
                    continue;
                }
                double mean = sumCount[0] / sumCount[1];
                if (mean < bestMean) {
                    bestMean = mean;
                    best = o;
                }
            }
            if (best != null && bestMean <= gateM) {
                byObject.get(best.objectId()).add(track);
            } else {
                falseTracks.add(track.trackId());
            }
        }
        List<LaunchMetrics> launches = new ArrayList<>();
        for (TruthObject o : objects) {
            launches.add(metrics(o, byObject.get(o.objectId())));
        }
        return new AfterActionMetrics(launches, falseTracks, gateM);
    }

    private static LaunchMetrics metrics(TruthObject o, List<FusedTrack> assoc) {
        Instant firstObservable = o.firstObservableTime();
        if (assoc.isEmpty()) {
            return new LaunchMetrics(o.objectId(), false, firstObservable, null, null, null, null, null, null, null,
                    List.of(), 0);
        }
        List<FusedTrack> byConfirmation = assoc.stream()
                .sorted(Comparator.comparing(AfterActionCalculator::confirmedAt).thenComparing(FusedTrack::trackId))
                .toList();
        Instant firstConfirmed = confirmedAt(byConfirmation.get(0));
        FusedTrack primary = assoc.stream()
                .sorted(Comparator.comparingInt((FusedTrack t) -> -t.samples().size())
                        .thenComparing(AfterActionCalculator::confirmedAt).thenComparing(FusedTrack::trackId))
                .findFirst().orElseThrow();
        Double launchErr = primary.estimatedLaunchPoint() == null ? null
                : Earth.greatCircleDistanceM(primary.estimatedLaunchPoint(), o.launchPoint()) / 1000.0;
        Double impactErr = primary.predictedImpactPoint() == null ? null
                : Earth.greatCircleDistanceM(primary.predictedImpactPoint(), o.impactPoint()) / 1000.0;
        double sum = 0;
        double n = 0;
        for (FusedTrack t : assoc) {
            double[] sc = distanceSum(t, o);
            sum += sc[0];
            n += sc[1];
        }
        List<String> ids = byConfirmation.stream().map(FusedTrack::trackId).distinct().toList();
        return new LaunchMetrics(o.objectId(), true, firstObservable, firstConfirmed,
                seconds(firstObservable, firstConfirmed), seconds(o.launchTime(), firstConfirmed), primary.trackId(),
                launchErr, impactErr, n == 0 ? null : sum / n, ids, ids.size() - 1);
    }

    private static Instant confirmedAt(FusedTrack t) {
        if (t.firstConfirmedAt() != null) {
            return t.firstConfirmedAt();
        }
        return t.samples().isEmpty() ? Instant.MAX : t.samples().get(0).t();
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    /** [sum of distances, number of track samples inside the object's span]. */
    static double[] distanceSum(FusedTrack track, TruthObject o) {
        double sum = 0;
        int n = 0;
        for (StateSample s : track.samples()) {
            double[] p = truthPositionAt(o, s.t());
            if (p != null) {
                sum += s.distanceM(p[0], p[1], p[2]);
                n++;
            }
        }
        return new double[] {sum, n};
    }

    /** True position at t by cubic Hermite interpolation of the truth samples, or null outside their span. */
    static double[] truthPositionAt(TruthObject o, Instant t) {
        List<StateSample> s = o.samples();
        if (s.isEmpty() || t.isBefore(s.get(0).t()) || t.isAfter(s.get(s.size() - 1).t())) {
            return null;
        }
        int lo = 0;
        int hi = s.size() - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (s.get(mid).t().isAfter(t)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        StateSample a = s.get(lo);
        if (a.t().equals(t) || s.size() == 1) {
            return new double[] {a.x(), a.y(), a.z()};
        }
        StateSample b = s.get(hi);
        if (b.t().equals(t)) {
            return new double[] {b.x(), b.y(), b.z()};
        }
        double h = seconds(a.t(), b.t());
        double u = seconds(a.t(), t) / h;
        double u2 = u * u;
        double u3 = u2 * u;
        double h00 = 2 * u3 - 3 * u2 + 1;
        double h10 = u3 - 2 * u2 + u;
        double h01 = -2 * u3 + 3 * u2;
        double h11 = u3 - u2;
        return new double[] {
            h00 * a.x() + h10 * h * a.vx() + h01 * b.x() + h11 * h * b.vx(),
            h00 * a.y() + h10 * h * a.vy() + h01 * b.y() + h11 * h * b.vy(),
            h00 * a.z() + h10 * h * a.vz() + h01 * b.z() + h11 * h * b.vz()};
    }
}
