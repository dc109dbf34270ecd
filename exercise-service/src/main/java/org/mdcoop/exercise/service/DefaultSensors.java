package org.mdcoop.exercise.service;

import java.util.List;

import org.mdcoop.common.domain.Party;
import org.mdcoop.exercise.domain.physics.Earth;
import org.mdcoop.exercise.domain.physics.GeoPoint;

/**
 * The sensors an exercise declares when its planner names none: the four sensors of the fusion demo and of the
 * engine's generated scenarios ({@code org.mdcoop.fusion.engine.scenario.Sensor.DEFAULTS}: NATO-1, NATO-2,
 * RUSSIA-1, RUSSIA-2, Earth-centred positions converted to latitude/longitude/altitude on the sphere). The
 * fusion centre must have them registered (same ids and parties).
 */
public final class DefaultSensors {

    public static final List<SensorSpec> SET = List.of(
            of("NATO-1", Party.NATO, 3948435.3, 3061616.8, 3952973.9, 80.0, 1.0),
            of("NATO-2", Party.NATO, 4167953.2, 1890667.4, 4432063.1, 150.0, 2.0),
            of("RUSSIA-1", Party.RUSSIA, 3405133.5, 2957951.3, 4499470.1, 300.0, 4.0),
            of("RUSSIA-2", Party.RUSSIA, 3434325.2, 1285408.1, 5209873.1, 200.0, 3.0));

    private DefaultSensors() {
    }

    private static SensorSpec of(String id, Party party, double x, double y, double z, double sigmaM,
            double revisitS) {
        GeoPoint g = Earth.toGeo(x, y, z);
        return new SensorSpec(id, party, round(g.latDeg(), 1e6), round(g.lonDeg(), 1e6),
                round(Earth.altitudeM(x, y, z), 10), sigmaM, revisitS, null, 0.0);
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
