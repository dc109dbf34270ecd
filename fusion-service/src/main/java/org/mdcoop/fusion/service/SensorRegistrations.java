package org.mdcoop.fusion.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.mdcoop.common.domain.NotFound;
import org.mdcoop.common.domain.Party;
import org.mdcoop.fusion.domain.RegistrationWatch;
import org.mdcoop.fusion.engine.registration.SensorBias;
import org.mdcoop.fusion.persistence.SensorBiasRow;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * The radars' bias estimates of the live picture, for their owners: the instance that fuses the live stream writes
 * them every few seconds (so any instance answers for them), keeps a status gauge per radar and warns when one
 * drifts or stops being reliable. Exercise streams learn their own biases and keep them to themselves: a drill must
 * not move the live registration.
 */
@ApplicationScoped
public class SensorRegistrations {

    private final FusionCentre centre;
    private final SensorService sensors;
    private final EntityManager entityManager;
    private final MeterRegistry registry;
    private final Clock clock;
    /**
     * Estimates are written every 5 s while the live picture is fused; older than this, nobody is correcting the
     * radar now (the centre closed, or its radars went quiet long ago and the stream was dropped).
     */
    static final java.time.Duration STALE_AFTER = java.time.Duration.ofSeconds(30);
    /** Last status seen per radar (this instance's view), and the gauges that read it. */
    private final Map<String, SensorBias.Status> lastStatus = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> gauges = new ConcurrentHashMap<>();

    public SensorRegistrations(FusionCentre centre, SensorService sensors, EntityManager entityManager,
            MeterRegistry registry, Clock clock) {
        this.centre = centre;
        this.sensors = sensors;
        this.entityManager = entityManager;
        this.registry = registry;
        this.clock = clock;
    }

    @Scheduled(every = "5s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void recordLiveEstimates() {
        List<SensorBias> biases = centre.liveSensorBiases();
        if (biases.isEmpty()) {
            return; // another instance fuses the live picture, or no radar sent a polar report yet
        }
        write(biases, clock.instant());
        for (SensorBias b : biases) {
            SensorBias.Status before = lastStatus.put(b.sensorId(), b.status());
            RegistrationWatch.warningOn(before, b).ifPresent(Log::warn);
            gauges.computeIfAbsent(b.sensorId(), id -> {
                AtomicInteger value = new AtomicInteger();
                Gauge.builder("fusion.sensor.registration.status", value, AtomicInteger::get)
                        .description("a radar's bias estimate: 0 learning, 1 reliable, 2 drifting")
                        .tag("sensor", id).register(registry);
                return value;
            }).set(RegistrationWatch.gaugeValue(b.status()));
        }
    }

    @Transactional
    void write(List<SensorBias> biases, Instant now) {
        for (SensorBias b : biases) {
            SensorBiasRow row = entityManager.find(SensorBiasRow.class, b.sensorId());
            boolean first = row == null;
            if (first) {
                row = new SensorBiasRow();
                row.sensorId = b.sensorId();
            }
            row.status = b.status().name();
            row.rangeM = b.rangeM();
            row.azimuthRad = b.azRad();
            row.elevationRad = b.elRad();
            row.sigmaRangeM = b.sigmaRangeM();
            row.sigmaAzimuthRad = b.sigmaAzRad();
            row.sigmaElevationRad = b.sigmaElRad();
            row.residuals = b.residuals();
            row.rejected = b.rejected();
            row.updatedAt = now;
            if (first) {
                entityManager.persist(row); // with its values: the insert is what is flushed
            }
        }
    }

    /** The radar's registration as {@code caller} may see it; 404 for a sensor nobody registered. */
    @Transactional
    public RegistrationView of(Party caller, String sensorId) {
        Party owner = sensors.ownerOf(sensorId);
        if (owner == null) {
            throw new NotFound("no sensor " + sensorId);
        }
        return RegistrationView.of(sensorId, owner, entityManager.find(SensorBiasRow.class, sensorId), caller,
                clock.instant().minus(STALE_AFTER));
    }
}
