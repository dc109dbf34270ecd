package org.mdcoop.fusion.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.FusedTrackMessage;
import org.mdcoop.fusion.domain.Geodesy;
import org.mdcoop.fusion.engine.TrackTable;
import org.mdcoop.fusion.engine.Tracker;
import org.mdcoop.fusion.engine.products.TrackProducts;

/** Builds the published message of one confirmed track from the tracker's state (plain code, also benchmarked). */
public final class TrackMessages {

    private TrackMessages() {
    }

    /** The track at its state time; launch, impact and class from {@code products} when there are some yet. */
    public static FusedTrackMessage of(Tracker tracker, int slot, String stream, UUID exerciseId, String trackId,
            int updateNumber, TrackProducts products) {
        TrackTable table = tracker.tracks();
        double t = table.stateTimeSeconds(slot);
        double x = table.state(slot, 0), y = table.state(slot, 1), z = table.state(slot, 2);
        double vx = table.state(slot, 3), vy = table.state(slot, 4), vz = table.state(slot, 5);
        double[] geo = Geodesy.toGeodetic(x, y, z);
        List<Party> parties = tracker.partyNames(table.partyMask(slot)).stream().map(Party::valueOf).sorted().toList();
        List<String> sensors = tracker.sensorNames(table.sensorMask(slot)).stream().sorted().toList();
        // what the track's quality really is: the filter's covariance plus what the radars' bias estimates leave
        // uncertain (the filter alone would claim the corrected measurements were exact)
        double[] full = new double[36];
        tracker.publishedCovariance(slot, full, 0);
        double[] cov = new double[21];
        int k = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = i; j < 6; j++) {
                cov[k++] = full[i * 6 + j];
            }
        }
        double positionSigma = Math.sqrt(full[0] + full[7] + full[14]);
        FusedTrackMessage m = new FusedTrackMessage(trackId, instant(t), x, y, z, vx, vy, vz, geo[0], geo[1], geo[2],
                Math.sqrt(vx * vx + vy * vy + vz * vz), parties, null, 0.0, null, null, null, null, null, null, null,
                null, table.exercise(slot), exerciseId, stream, updateNumber, positionSigma, cov, sensors, null);
        return products == null ? m : withProducts(m, products);
    }

    /** The message with launch, impact and class from {@code products}. */
    public static FusedTrackMessage withProducts(FusedTrackMessage m, TrackProducts products) {
        TrackProducts.SurfacePoint launch = products.launchPoint();
        TrackProducts.ImpactPrediction impact = products.impact();
        return new FusedTrackMessage(m.trackId(), m.t(), m.xM(), m.yM(), m.zM(), m.vxMps(), m.vyMps(), m.vzMps(),
                m.latDeg(), m.lonDeg(), m.altitudeM(), m.speedMps(), m.contributingParties(),
                products.missileClass().name(), products.classConfidence(), launch.latDeg(), launch.lonDeg(),
                impact.latDeg(), impact.lonDeg(), instant(impact.tSeconds()), impact.semiMajorM(), impact.semiMinorM(),
                impact.orientationDeg(), m.exercise(), m.exerciseId(), m.stream(), m.updateNumber(), m.positionSigmaM(),
                m.covariance(), m.contributingSensors(), launch.sigmaM());
    }

    static Instant instant(double epochSeconds) {
        long seconds = (long) Math.floor(epochSeconds);
        long nanos = Math.round((epochSeconds - seconds) * 1e9);
        return Instant.ofEpochSecond(seconds, Math.min(nanos, 999_999_999L));
    }
}
