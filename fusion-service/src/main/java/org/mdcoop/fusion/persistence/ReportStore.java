package org.mdcoop.fusion.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.mdcoop.common.domain.Party;
import org.mdcoop.fusion.domain.Report;

/**
 * The raw report archive, in plain JDBC: one multi-row statement per batch (arrays unnested on the server), rows of a
 * partitioned table without foreign key. Written beside the fusion worker ({@link ReportArchive}) for Kafka reports
 * and inside the request for REST ones (where the database is the only record of what was sent).
 */
@ApplicationScoped
public class ReportStore {

    private static final String INSERT = """
            insert into report (party, report_id, sensor_id, t, x_m, y_m, z_m, sigma_m, covariance,
                vx_mps, vy_mps, vz_mps, exercise, exercise_id, polar, source, received_at)
            select u.party, u.report_id, u.sensor_id, u.t::timestamptz, u.x, u.y, u.z, u.sigma, u.cov, u.vx, u.vy, u.vz,
                u.exercise, u.exercise_id, u.polar, ?, ?
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::float8[], ?::float8[], ?::float8[],
                ?::text[], ?::float8[], ?::float8[], ?::float8[], ?::bool[], ?::uuid[], ?::text[])
                as u(party, report_id, sensor_id, t, x, y, z, sigma, cov, vx, vy, vz, exercise, exercise_id, polar)
            on conflict do nothing
            returning party, report_id""";

    private static final String COLUMNS = "party, report_id, sensor_id, t, x_m, y_m, z_m, sigma_m, covariance, "
            + "vx_mps, vy_mps, vz_mps, exercise, exercise_id, polar";

    private final EntityManager entityManager;
    private final DataSource dataSource;

    public ReportStore(EntityManager entityManager, DataSource dataSource) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
    }

    /** Inserts the reports in the caller's transaction; returns, per report, whether it was new (false: known, ignored). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] insert(List<Report> reports, String source, Instant receivedAt) {
        boolean[] inserted = new boolean[reports.size()];
        if (reports.isEmpty()) {
            return inserted;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            Set<String> fresh = insert(connection, reports, source, receivedAt);
            for (int i = 0; i < reports.size(); i++) {
                inserted[i] = fresh.contains(key(reports.get(i).party().name(), reports.get(i).reportId()));
            }
        });
        return inserted;
    }

    /** Archives reports in a transaction of its own (the archive writer's); returns how many were new. */
    public int archive(List<Report> reports, String source, Instant receivedAt) throws SQLException {
        if (reports.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return insert(connection, reports, source, receivedAt).size();
        }
    }

    /**
     * Creates the day partitions around {@code today} (UTC) and drops those older than {@code keepDays}; returns how
     * many were dropped.
     */
    public int maintainPartitions(LocalDate today, int keepDays) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement("select report_partitions_maintain(?, 1, 3, ?)")) {
            connection.setAutoCommit(true);
            ps.setObject(1, today);
            ps.setInt(2, keepDays);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Set<String> insert(Connection connection, List<Report> reports, String source, Instant receivedAt)
            throws SQLException {
        int n = reports.size();
        String[] party = new String[n];
        String[] id = new String[n];
        String[] sensor = new String[n];
        String[] t = new String[n];
        Double[] x = new Double[n];
        Double[] y = new Double[n];
        Double[] z = new Double[n];
        Double[] sigma = new Double[n];
        String[] cov = new String[n];
        Double[] vx = new Double[n];
        Double[] vy = new Double[n];
        Double[] vz = new Double[n];
        Boolean[] exercise = new Boolean[n];
        UUID[] exerciseId = new UUID[n];
        String[] polar = new String[n];
        for (int i = 0; i < n; i++) {
            Report r = reports.get(i);
            party[i] = r.party().name();
            id[i] = r.reportId();
            sensor[i] = r.sensorId();
            t[i] = r.t().toString();
            x[i] = r.xM();
            y[i] = r.yM();
            z[i] = r.zM();
            sigma[i] = r.sigmaM();
            cov[i] = ReportCodec.covarianceText(r.covarianceM2());
            vx[i] = r.vxMps();
            vy[i] = r.vyMps();
            vz[i] = r.vzMps();
            exercise[i] = r.exercise();
            exerciseId[i] = r.exerciseId();
            polar[i] = ReportCodec.polarText(r.radar());
        }
        Set<String> fresh = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
            int c = 1;
            ps.setString(c++, source);
            ps.setObject(c++, OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC));
            ps.setArray(c++, connection.createArrayOf("text", party));
            ps.setArray(c++, connection.createArrayOf("text", id));
            ps.setArray(c++, connection.createArrayOf("text", sensor));
            ps.setArray(c++, connection.createArrayOf("text", t));
            ps.setArray(c++, connection.createArrayOf("float8", x));
            ps.setArray(c++, connection.createArrayOf("float8", y));
            ps.setArray(c++, connection.createArrayOf("float8", z));
            ps.setArray(c++, connection.createArrayOf("float8", sigma));
            ps.setArray(c++, connection.createArrayOf("text", cov));
            ps.setArray(c++, connection.createArrayOf("float8", vx));
            ps.setArray(c++, connection.createArrayOf("float8", vy));
            ps.setArray(c++, connection.createArrayOf("float8", vz));
            ps.setArray(c++, connection.createArrayOf("bool", exercise));
            ps.setArray(c++, connection.createArrayOf("uuid", exerciseId));
            ps.setArray(c, connection.createArrayOf("text", polar));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fresh.add(key(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return fresh;
    }

    private static String key(String party, String reportId) {
        return party + ':' + reportId;
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
                            rs.getObject(14, UUID.class), ReportCodec.polar(rs.getString(15))));
                }
            }
        }
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
