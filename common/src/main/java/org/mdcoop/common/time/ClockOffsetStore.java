package org.mdcoop.common.time;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Keeps a moved clock moved across restarts (dev and test only, where the clock may be moved at all).
 *
 * <p>Why: every service decides from the agreement's terms with its own clock whether the agreement is in force. A
 * clock moved past an expiry and then reset by a restart would run backwards, and the service would find the
 * agreement in force again (until the agreement-service's EXPIRED status arrives). Time must never run backwards, so
 * the offset is stored. (Statuses are ordered by revision, not by time: the store is no longer needed for that.)
 * The table is created here rather than by a migration because it exists only where clock control is enabled,
 * never in production.
 */
@ApplicationScoped
public class ClockOffsetStore {

    private final AdjustableClock clock;
    private final DataSource dataSource;
    private final boolean enabled;

    public ClockOffsetStore(AdjustableClock clock, DataSource dataSource, ClockConfig config) {
        this.clock = clock;
        this.dataSource = dataSource;
        this.enabled = config.controlEnabled() && !ConfigUtils.getProfiles().contains("prod");
    }

    void restore(@Observes StartupEvent startup) throws SQLException {
        if (!enabled) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists clock_offset (id integer primary key check (id = 1), "
                    + "offset_seconds bigint not null)");
            try (ResultSet r = s.executeQuery("select offset_seconds from clock_offset where id = 1")) {
                if (r.next() && r.getLong(1) > clock.offset().toSeconds()) {
                    clock.advance(Duration.ofSeconds(r.getLong(1)).minus(clock.offset()));
                    Log.infof("clock moved forward by %s again, as before the restart", clock.offset());
                }
            }
        }
    }

    /** Records the clock's current offset; called after every move. */
    public void save() {
        if (!enabled) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                var s = c.prepareStatement("insert into clock_offset (id, offset_seconds) values (1, ?) "
                        + "on conflict (id) do update set offset_seconds = greatest(clock_offset.offset_seconds, "
                        + "excluded.offset_seconds)")) {
            s.setLong(1, clock.offset().toSeconds());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the clock offset", e);
        }
    }
}
