package org.mdcoop.system;

import static org.mdcoop.system.Stack.as;
import static org.mdcoop.system.Stack.url;

import java.util.List;

/**
 * The four radars the exercises' default scenario reports from, registered with the fusion centre by their own
 * party's operator. `stack up` seeds them for the demo; `stack test` starts the services without demo data, so the
 * system tests register them themselves (idempotent).
 */
final class DemoSensors {

    private record Sensor(String operator, String id, double latDeg, double lonDeg, double sigmaM, double revisitS) {
    }

    private static final List<Sensor> SENSORS = List.of(
            new Sensor("nato-fusion-operator", "NATO-1", 38.35, 37.79, 80, 1),
            new Sensor("nato-fusion-operator", "NATO-2", 44.0, 24.4, 150, 2),
            new Sensor("russia-fusion-operator", "RUSSIA-1", 45.0, 41.0, 300, 4),
            new Sensor("russia-fusion-operator", "RUSSIA-2", 55.0, 20.5, 200, 3));

    private DemoSensors() {
    }

    static void ensureRegistered() {
        for (Sensor s : SENSORS) {
            if (as(s.operator()).get(url("fusion", "/api/sensors/" + s.id())).statusCode() == 200) {
                continue;
            }
            as(s.operator()).body("{\"id\":\"" + s.id() + "\",\"type\":\"EARLY_WARNING_RADAR\",\"latDeg\":" + s.latDeg()
                    + ",\"lonDeg\":" + s.lonDeg() + ",\"altM\":0,\"sigmaM\":" + s.sigmaM() + ",\"revisitS\":"
                    + s.revisitS() + "}").post(url("fusion", "/api/sensors")).then().statusCode(201);
        }
    }
}
