package org.mdcoop.exercise.persistence;

import static org.mdcoop.exercise.persistence.GroundTruthStore.d;
import static org.mdcoop.exercise.persistence.GroundTruthStore.dn;
import static org.mdcoop.exercise.persistence.GroundTruthStore.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.mdcoop.common.events.FusedTrackMessage;
import org.mdcoop.exercise.domain.aar.FusedTrack;
import org.mdcoop.exercise.domain.aar.StateSample;
import org.mdcoop.exercise.domain.physics.GeoPoint;

/** The fusion centre's track updates of each exercise, as received from {@code fusion.tracks}. */
@ApplicationScoped
public class TrackStore {

    private final EntityManager entityManager;

    public TrackStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Stores one update; a second update of the same track at the same time is ignored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean insert(FusedTrackMessage m, Instant receivedAt) {
        return entityManager.createNativeQuery("insert into track_sample (exercise_id, track_id, t, x_m, y_m, z_m, "
                + "vx_mps, vy_mps, vz_mps, launch_lat, launch_lon, impact_lat, impact_lon, received_at) values "
                + "(:e, :track, :t, :x, :y, :z, :vx, :vy, :vz, :llat, :llon, :ilat, :ilon, :now) on conflict do nothing")
                .setParameter("e", m.exerciseId()).setParameter("track", m.trackId()).setParameter("t", m.t())
                .setParameter("x", m.xM()).setParameter("y", m.yM()).setParameter("z", m.zM())
                .setParameter("vx", m.vxMps()).setParameter("vy", m.vyMps()).setParameter("vz", m.vzMps())
                .setParameter("llat", m.launchLatDeg()).setParameter("llon", m.launchLonDeg())
                .setParameter("ilat", m.impactLatDeg()).setParameter("ilon", m.impactLonDeg())
                .setParameter("now", receivedAt)
                .executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long count(UUID exerciseId) {
        return ((Number) entityManager.createNativeQuery("select count(*) from track_sample where exercise_id = :e")
                .setParameter("e", exerciseId).getSingleResult()).longValue();
    }

    /**
     * The exercise's fused tracks: samples in time order, the latest launch-point and impact-point estimates, and the
     * first update's time as the confirmation time (the fusion centre publishes confirmed tracks only).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<FusedTrack> load(UUID exerciseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select track_id, t, x_m, y_m, z_m, vx_mps, vy_mps, "
                + "vz_mps, launch_lat, launch_lon, impact_lat, impact_lon from track_sample where exercise_id = :e "
                + "order by track_id, t").setParameter("e", exerciseId).getResultList();
        Map<String, List<StateSample>> samples = new LinkedHashMap<>();
        Map<String, GeoPoint> launch = new LinkedHashMap<>();
        Map<String, GeoPoint> impact = new LinkedHashMap<>();
        Map<String, Instant> first = new LinkedHashMap<>();
        for (Object[] r : rows) {
            String id = (String) r[0];
            Instant t = instant(r[1]);
            samples.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(new StateSample(t, d(r[2]), d(r[3]), d(r[4]), d(r[5]), d(r[6]), d(r[7])));
            first.putIfAbsent(id, t);
            Double llat = dn(r[8]);
            Double llon = dn(r[9]);
            if (llat != null && llon != null) {
                launch.put(id, new GeoPoint(llat, llon));
            }
            Double ilat = dn(r[10]);
            Double ilon = dn(r[11]);
            if (ilat != null && ilon != null) {
                impact.put(id, new GeoPoint(ilat, ilon));
            }
        }
        List<FusedTrack> out = new ArrayList<>();
        samples.forEach((id, s) -> out.add(new FusedTrack(id, s, launch.get(id), impact.get(id), first.get(id))));
        return out;
    }
}
