package org.mdcoop.exercise.persistence;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.mdcoop.exercise.domain.aar.StateSample;
import org.mdcoop.exercise.domain.aar.TruthObject;
import org.mdcoop.exercise.domain.physics.GeoPoint;
import org.mdcoop.exercise.domain.report.PlannedLaunch;
import org.mdcoop.exercise.domain.report.ScenarioRun;

/** The stored ground truth of a run: one row per synthetic launch and its states every step (burnout to 20 km). */
@ApplicationScoped
public class GroundTruthStore {

    private final EntityManager entityManager;

    public GroundTruthStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int save(UUID exerciseId, ScenarioRun run, Duration step) {
        List<TruthObject> objects = run.truthObjects(step);
        Map<Integer, PlannedLaunch> launches = new LinkedHashMap<>();
        run.launches().forEach(l -> launches.put(l.objectId(), l));
        int[] count = {0};
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement o = connection.prepareStatement("insert into ground_truth_object (exercise_id, "
                    + "object_id, launch_time, burnout_time, end_time, launch_lat, launch_lon, impact_lat, impact_lon, "
                    + "missile_class) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement s = connection.prepareStatement("insert into ground_truth_sample (exercise_id, "
                            + "object_id, t, x_m, y_m, z_m, vx_mps, vy_mps, vz_mps) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (TruthObject t : objects) {
                    PlannedLaunch l = launches.get(t.objectId());
                    o.setObject(1, exerciseId);
                    o.setInt(2, t.objectId());
                    o.setTimestamp(3, Timestamp.from(t.launchTime()));
                    o.setTimestamp(4, Timestamp.from(l.burnoutTime()));
                    o.setTimestamp(5, Timestamp.from(l.endTime()));
                    o.setDouble(6, t.launchPoint().latDeg());
                    o.setDouble(7, t.launchPoint().lonDeg());
                    o.setDouble(8, t.impactPoint().latDeg());
                    o.setDouble(9, t.impactPoint().lonDeg());
                    o.setString(10, l.inject().missileClass().name());
                    o.addBatch();
                }
                o.executeBatch();
                int pending = 0;
                for (TruthObject t : objects) {
                    for (StateSample x : t.samples()) {
                        s.setObject(1, exerciseId);
                        s.setInt(2, t.objectId());
                        s.setTimestamp(3, Timestamp.from(x.t()));
                        s.setDouble(4, x.x());
                        s.setDouble(5, x.y());
                        s.setDouble(6, x.z());
                        s.setDouble(7, x.vx());
                        s.setDouble(8, x.vy());
                        s.setDouble(9, x.vz());
                        s.addBatch();
                        count[0]++;
                        if (++pending == 1000) {
                            s.executeBatch();
                            pending = 0;
                        }
                    }
                }
                if (pending > 0) {
                    s.executeBatch();
                }
            }
        });
        return count[0];
    }

    /** The after-action input: every object with its true launch/impact points and stored states. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<TruthObject> load(UUID exerciseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> objects = entityManager.createNativeQuery("select object_id, launch_time, launch_lat, "
                + "launch_lon, impact_lat, impact_lon from ground_truth_object where exercise_id = :id order by object_id")
                .setParameter("id", exerciseId).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> samples = entityManager.createNativeQuery("select object_id, t, x_m, y_m, z_m, vx_mps, vy_mps, "
                + "vz_mps from ground_truth_sample where exercise_id = :id order by object_id, t")
                .setParameter("id", exerciseId).getResultList();
        Map<Integer, List<StateSample>> byObject = new LinkedHashMap<>();
        for (Object[] r : samples) {
            byObject.computeIfAbsent(((Number) r[0]).intValue(), k -> new ArrayList<>())
                    .add(new StateSample(instant(r[1]), d(r[2]), d(r[3]), d(r[4]), d(r[5]), d(r[6]), d(r[7])));
        }
        List<TruthObject> out = new ArrayList<>();
        for (Object[] r : objects) {
            int id = ((Number) r[0]).intValue();
            out.add(new TruthObject(id, new GeoPoint(d(r[2]), d(r[3])), new GeoPoint(d(r[4]), d(r[5])),
                    instant(r[1]), byObject.getOrDefault(id, List.of())));
        }
        return out;
    }

    static double d(Object o) {
        return ((Number) o).doubleValue();
    }

    static Double dn(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("not a time: " + o);
    }
}
