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
        row.updatedAt = now;
    }
}
