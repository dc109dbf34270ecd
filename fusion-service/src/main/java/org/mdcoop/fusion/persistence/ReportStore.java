package org.mdcoop.fusion.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.mdcoop.common.domain.Party;
import org.mdcoop.fusion.domain.Report;

/** Raw reports, in plain JDBC on the transaction's connection (batched inserts, exact null types). */
@ApplicationScoped
public class ReportStore {

    private static final String INSERT = """
            insert into report (party, report_id, sensor_id, t, x_m, y_m, z_m, sigma_m, covariance,
                vx_mps, vy_mps, vz_mps, exercise, exercise_id, source, received_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict do nothing""";

    private static final String COLUMNS = "party, report_id, sensor_id, t, x_m, y_m, z_m, sigma_m, covariance, "
            + "vx_mps, vy_mps, vz_mps, exercise, exercise_id";

    private final EntityManager entityManager;

    public ReportStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Inserts the reports; returns, per report, whether it was new (false: its id was known, it is ignored). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] insert(List<Report> reports, String source, Instant receivedAt) {
        boolean[] inserted = new boolean[reports.size()];
        if (reports.isEmpty()) {
            return inserted;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
                for (Report r : reports) {
                    bind(ps, r, source, receivedAt);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    inserted[i] = counts[i] == 1;
                }
            }
        });
        return inserted;
    }

    /**
     * Claims event ids for a consumer in common's {@code processed_event} table, in one statement (the batch form of
     * common's {@code ProcessedEvents.claim}): returns the ids this call claimed; an id claimed before is absent.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Set<UUID> claim(List<UUID> eventIds, String consumer) {
        java.util.Set<UUID> claimed = new java.util.HashSet<>();
        if (eventIds.isEmpty()) {
            return claimed;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "insert into processed_event (event_id, consumer, processed_at) "
                            + "select id, ?, now() from unnest(?::uuid[]) as id on conflict do nothing returning event_id")) {
                ps.setString(1, consumer);
                ps.setArray(2, connection.createArrayOf("uuid", eventIds.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        });
        return claimed;
    }

    /** The party's reports of one sensor, newest first. */
    @Transactional
    public List<Report> bySensor(String sensorId, int limit) {
        return query("select " + COLUMNS + " from report where sensor_id = ? order by t desc, report_id limit ?",
                ps -> {
                    ps.setString(1, sensorId);
                    ps.setInt(2, limit);
                });
    }

    /** Every report since {@code from}, in the order the tracker replays them. */
    @Transactional
    public List<Report> since(Instant from) {
        return query("select " + COLUMNS + " from report where t >= ? order by t, received_at, report_id",
                ps -> ps.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC)));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Report> query(String sql, Binder binder) {
        List<Report> out = new ArrayList<>();
        entityManager.unwrap(Session.class).doWork(connection -> read(connection, sql, binder, out));
        return out;
    }

    private static void read(Connection connection, String sql, Binder binder, List<Report> out) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Report(rs.getString(2), rs.getString(3), Party.valueOf(rs.getString(1)),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getDouble(5), rs.getDouble(6),
                            rs.getDouble(7), nullableDouble(rs, 8), ReportCodec.covariance(rs.getString(9)),
                            nullableDouble(rs, 10), nullableDouble(rs, 11), nullableDouble(rs, 12), rs.getBoolean(13),
                            rs.getObject(14, UUID.class)));
                }
            }
        }
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static void bind(PreparedStatement ps, Report r, String source, Instant receivedAt) throws SQLException {
        ps.setString(1, r.party().name());
        ps.setString(2, r.reportId());
        ps.setString(3, r.sensorId());
        ps.setObject(4, OffsetDateTime.ofInstant(r.t(), ZoneOffset.UTC));
        ps.setDouble(5, r.xM());
        ps.setDouble(6, r.yM());
        ps.setDouble(7, r.zM());
        setDouble(ps, 8, r.sigmaM());
        ps.setString(9, ReportCodec.covarianceText(r.covarianceM2()));
        setDouble(ps, 10, r.vxMps());
        setDouble(ps, 11, r.vyMps());
        setDouble(ps, 12, r.vzMps());
        ps.setBoolean(13, r.exercise());
        if (r.exerciseId() == null) {
            ps.setNull(14, Types.OTHER);
        } else {
            ps.setObject(14, r.exerciseId());
        }
        ps.setString(15, source);
        ps.setObject(16, OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC));
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }
}
