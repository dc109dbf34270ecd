package org.mdcoop.fusion.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.mdcoop.common.domain.NotFound;
import org.mdcoop.common.domain.NotPermitted;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.RuleViolation;
import org.mdcoop.fusion.domain.RadarSite;
import org.mdcoop.fusion.persistence.SensorRow;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The sensor registry: each party registers and updates only its own sensors. */
@ApplicationScoped
public class SensorService {

    private final EntityManager entityManager;
    private final Clock clock;
    /** Sensor id to owning party: read on every report, so cached (sensors are never deleted or re-owned). */
    private final Map<String, Party> owners = new ConcurrentHashMap<>();

    /**
     * Sensor id to its site and nominal polar sigmas, read on every polar report: cached, and read again after
     * {@link #SITE_TTL_NANOS} so that a change made through another instance arrives within it.
     */
    private final Map<String, CachedSite> sites = new ConcurrentHashMap<>();
    private static final long SITE_TTL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    private record CachedSite(RadarSite site, long readNanos) {
    }

    public SensorService(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    public SensorView register(Party party, String id, SensorDefinition definition) {
        if (entityManager.find(SensorRow.class, id) != null) {
            throw new RuleViolation("sensor-id-taken", "a sensor with id " + id + " is already registered");
        }
        Instant now = clock.instant();
        SensorRow row = new SensorRow();
        row.id = id;
        row.party = party;
        row.createdAt = now;
        apply(row, definition, now);
        entityManager.persist(row);
        entityManager.flush();
        Log.infof("%s registered sensor %s (%s)", party, id, definition.type());
        return SensorView.of(row, party);
    }

    @Transactional
    public SensorView update(Party party, String id, SensorDefinition definition, Long expectedVersion) {
        SensorRow row = entityManager.find(SensorRow.class, id, LockModeType.OPTIMISTIC);
        if (row == null) {
            throw new NotFound("no sensor " + id);
        }
        if (row.party != party) {
            throw new NotPermitted("sensor " + id + " belongs to " + row.party + "; only its owner may change it");
        }
        if (expectedVersion != null && expectedVersion != row.version) {
            throw new jakarta.persistence.OptimisticLockException("sensor " + id + " changed meanwhile");
        }
        apply(row, definition, clock.instant());
        entityManager.flush();
        sites.remove(id);
        return SensorView.of(row, party);
    }

    @Transactional
    public List<SensorView> list(Party caller) {
        return entityManager.createQuery("from SensorRow order by id", SensorRow.class).getResultList().stream()
                .map(row -> SensorView.of(row, caller)).toList();
    }

    @Transactional
    public SensorView get(Party caller, String id) {
        SensorRow row = entityManager.find(SensorRow.class, id);
        if (row == null) {
            throw new NotFound("no sensor " + id);
        }
        return SensorView.of(row, caller);
    }

    /** The owner of a registered sensor, or null if there is none. */
    public Party ownerOf(String sensorId) {
        Party cached = owners.get(sensorId);
        if (cached != null) {
            return cached;
        }
        // joins the caller's transaction (REST) or runs one of its own (the Kafka consumer has none)
        List<Party> found = QuarkusTransaction.joiningExisting().call(() -> entityManager
                .createQuery("select s.party from SensorRow s where s.id = :id", Party.class)
                .setParameter("id", sensorId).getResultList());
        if (found.isEmpty()) {
            return null;
        }
        owners.put(sensorId, found.get(0));
        return found.get(0);
    }

    /** The site and nominal polar sigmas of a registered sensor, or null if there is none. */
    public RadarSite siteOf(String sensorId) {
        long now = System.nanoTime();
        CachedSite cached = sites.get(sensorId);
        if (cached != null && now - cached.readNanos() < SITE_TTL_NANOS) {
            return cached.site();
        }
        RadarSite site = QuarkusTransaction.joiningExisting().call(() -> {
            SensorRow row = entityManager.find(SensorRow.class, sensorId);
            return row == null ? null : new RadarSite(row.xM, row.yM, row.zM, row.sigmaRangeM, row.sigmaAzimuthRad,
                    row.sigmaElevationRad);
        });
        if (site != null) {
            sites.put(sensorId, new CachedSite(site, now));
        }
        return site;
    }

    private static void apply(SensorRow row, SensorDefinition d, Instant now) {
        row.type = d.type();
        row.latDeg = d.latDeg();
        row.lonDeg = d.lonDeg();
        row.altM = d.altM();
        row.xM = d.xM();
        row.yM = d.yM();
        row.zM = d.zM();
        row.sigmaM = d.sigmaM();
        row.revisitS = d.revisitS();
        row.sigmaRangeM = d.sigmaRangeM();
        row.sigmaAzimuthRad = d.sigmaAzimuthRad();
        row.sigmaElevationRad = d.sigmaElevationRad();
        row.updatedAt = now;
    }
}
