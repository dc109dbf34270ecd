package org.mdcoop.fusion.engine.scenario;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;

import org.mdcoop.fusion.engine.model.Earth;
import org.mdcoop.fusion.engine.tools.Detections;
import org.mdcoop.fusion.engine.tools.StateRows;

/**
 * Writes a {@link Scenario} as a scenario folder: sensors.json, detections.jsonl, truth.jsonl,
 * detection_origin.csv and scenario.json (formats in fusion-engine/README.md). Nothing in the files
 * depends on the folder or the clock, so the same parameters give the same bytes.
 */
public final class ScenarioFiles {
    private static final JsonFactory JSON = new JsonFactory();

    private ScenarioFiles() {
    }

    /**
     * @param command how the scenario was made, recorded in scenario.json (null = none); leave out the
     *                output folder so that the bytes do not depend on it
     */
    public static void write(Scenario sc, Path dir, String command) throws IOException {
        Files.createDirectories(dir);
        writeSensors(sc, dir.resolve("sensors.json"));
        writeDetections(sc.detections(), dir.resolve("detections.jsonl"));
        writeTruth(sc.truth(), dir.resolve("truth.jsonl"));
        try (Writer w = writer(dir.resolve("detection_origin.csv"))) {
            Detections d = sc.detections();
            w.write("reportId,objectId\n");
            for (int i = 0; i < d.size; i++) {
                String o = sc.origins().get(i);
                w.write(d.reportId[i]);
                w.write(',');
                w.write(o == null ? "" : o);
                w.write('\n');
            }
        }
        writeScenario(sc, dir.resolve("scenario.json"), command);
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    private static JsonGenerator lines(Writer w) throws IOException {
        JsonGenerator g = JSON.createGenerator(w);
        g.setRootValueSeparator(new SerializedString("\n"));
        return g;
    }

    private static void writeSensors(Scenario sc, Path file) throws IOException {
        try (Writer w = writer(file); JsonGenerator g = JSON.createGenerator(w).useDefaultPrettyPrinter()) {
            g.writeStartArray();
            for (Sensor s : sc.sensors()) {
                g.writeStartObject();
                g.writeStringField("sensorId", s.sensorId());
                g.writeStringField("party", s.party());
                g.writeNumberField("x", s.xM());
                g.writeNumberField("y", s.yM());
                g.writeNumberField("z", s.zM());
                g.writeNumberField("sigma", s.sigmaM());
                g.writeNumberField("revisit", s.revisitS());
                g.writeNumberField("phase", s.phaseS());
                g.writeNumberField("delay", s.delayS());
                g.writeNumberField("maxRange", s.maxRangeM());
                writeRadar(g, s);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeRaw('\n');
        }
    }

    private static void writeRadar(JsonGenerator g, Sensor s) throws IOException {
        if (s.isRadar()) {
            g.writeNumberField("sigmaRangeM", s.radar().sigmaRangeM());
            g.writeNumberField("sigmaAzRad", s.radar().sigmaAzRad());
            g.writeNumberField("sigmaElRad", s.radar().sigmaElRad());
        }
    }

    private static void writeDetections(Detections d, Path file) throws IOException {
        try (Writer w = writer(file); JsonGenerator g = lines(w)) {
            for (int i = 0; i < d.size; i++) {
                g.writeStartObject();
                g.writeStringField("reportId", d.reportId[i]);
                g.writeStringField("sensorId", d.sensorId[i]);
                g.writeStringField("party", d.party[i]);
                g.writeNumberField("t", d.tSeconds[i]);
                g.writeNumberField("x", d.xM[i]);
                g.writeNumberField("y", d.yM[i]);
                g.writeNumberField("z", d.zM[i]);
                g.writeNumberField("sigma", d.sigmaM[i]);
                g.writeNumberField("arrival", d.arrivalSeconds[i]);
                if (d.hasCov(i)) {
                    g.writeArrayFieldStart("cov");
                    for (int k = 0; k < 6; k++) {
                        g.writeNumber(Math.round(d.cov6[i * 6 + k])); // whole m^2, as generated
                    }
                    g.writeEndArray();
                }
                if (!Double.isNaN(d.polar6[i * 6])) {
                    g.writeObjectFieldStart("polar");
                    String[] names = {"r", "az", "el", "sigmaR", "sigmaAz", "sigmaEl"};
                    for (int k = 0; k < 6; k++) {
                        g.writeNumberField(names[k], d.polar6[i * 6 + k]);
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            if (d.size > 0) {
                g.writeRaw('\n');
            }
        }
    }

    private static void writeTruth(StateRows t, Path file) throws IOException {
        try (Writer w = writer(file); JsonGenerator g = lines(w)) {
            for (int i = 0; i < t.size(); i++) {
                g.writeStartObject();
                g.writeNumberField("t", t.t[i]);
                g.writeStringField("objectId", t.id.get(i));
                String[] names = {"x", "y", "z", "vx", "vy", "vz"};
                for (int c = 0; c < 6; c++) {
                    g.writeNumberField(names[c], t.state[i * 6 + c]);
                }
                g.writeEndObject();
            }
            if (t.size() > 0) {
                g.writeRaw('\n');
            }
        }
    }

    private static void writeScenario(Scenario sc, Path file, String command) throws IOException {
        Params p = sc.params();
        try (Writer w = writer(file); JsonGenerator g = JSON.createGenerator(w).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("generator", "org.mdcoop.fusion.engine.scenario (fusion-engine)");
            if (command != null) {
                g.writeStringField("command", command);
            }
            g.writeStringField("frame", "non-rotating Earth-centred, ECEF axes; sphere R = " + Earth.RADIUS_M
                    + " m; central gravity mu = " + Earth.MU_M3PS2 + " m3/s2");
            g.writeObjectFieldStart("parameters");
            g.writeNumberField("seed", p.seed());
            g.writeNumberField("missiles", p.missiles());
            g.writeNumberField("duration", p.durationS());
            g.writeNumberField("firstBurnout", p.firstBurnoutS());
            g.writeNumberField("launchWindow", p.launchWindowS());
            g.writeNumberField("pd", p.pd());
            g.writeNumberField("clutterPerScan", p.clutterPerScan());
            g.writeNumberField("clutterMargin", p.clutterMarginM());
            g.writeNumberField("jitter", p.jitterS());
            g.writeNumberField("minSeparation", p.minSeparationM());
            g.writeNumberField("biasScale", p.biasScale());
            g.writeNumberField("endAltitude", ScenarioGenerator.END_ALT_M);
            g.writeEndObject();
            g.writeNumberField("durationUsed", sc.durationS());

            Scenario.Counts c = sc.counts();
            g.writeObjectFieldStart("counts");
            g.writeNumberField("scans", c.scans());
            g.writeNumberField("detections", c.detections());
            g.writeNumberField("clutter", c.clutter());
            g.writeNumberField("truth", c.truthRows());
            g.writeNumberField("maxInFlight", c.maxInFlight());
            if (Double.isNaN(c.minSeparationM())) {
                g.writeNullField("minSeparation");
            } else {
                g.writeNumberField("minSeparation", round(c.minSeparationM(), 10));
            }
            g.writeObjectFieldStart("classes");
            for (Map.Entry<String, Integer> e : c.classes().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();

            ClutterBox b = sc.clutterBox();
            g.writeObjectFieldStart("clutterBox");
            g.writeNumberField("latMin", round(b.latMinDeg(), 1e6));
            g.writeNumberField("latMax", round(b.latMaxDeg(), 1e6));
            g.writeNumberField("lonMin", round(b.lonMinDeg(), 1e6));
            g.writeNumberField("lonMax", round(b.lonMaxDeg(), 1e6));
            g.writeNumberField("altMin", round(b.altMinM(), 10));
            g.writeNumberField("altMax", round(b.altMaxM(), 10));
            g.writeEndObject();

            g.writeArrayFieldStart("sensors");
            for (int si = 0; si < sc.sensors().size(); si++) {
                Sensor s = sc.sensors().get(si);
                g.writeStartObject();
                g.writeStringField("sensorId", s.sensorId());
                g.writeStringField("party", s.party());
                g.writeNumberField("lat", round(s.latDeg(), 1e6));
                g.writeNumberField("lon", round(s.lonDeg(), 1e6));
                g.writeNumberField("sigma", s.sigmaM());
                g.writeNumberField("revisit", s.revisitS());
                g.writeNumberField("phase", s.phaseS());
                g.writeNumberField("delay", s.delayS());
                g.writeNumberField("maxRange", s.maxRangeM());
                writeRadar(g, s);
                if (s.isRadar()) {
                    // the truth registration is scored against; never in sensors.json or detections.jsonl
                    Sensor.Bias bias = sc.biases().get(si);
                    g.writeObjectFieldStart("bias");
                    g.writeNumberField("rangeM", bias.rangeM());
                    g.writeNumberField("azRad", bias.azRad());
                    g.writeNumberField("elRad", bias.elRad());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeArrayFieldStart("objects");
            for (Missile m : sc.missiles()) {
                g.writeStartObject();
                g.writeStringField("objectId", m.objectId());
                g.writeStringField("launchArea", m.launchArea());
                g.writeStringField("targetArea", m.targetArea());
                g.writeNumberField("launchLat", round(m.launchLatDeg(), 1e6));
                g.writeNumberField("launchLon", round(m.launchLonDeg(), 1e6));
                g.writeNumberField("launchTime", round(m.launchTimeS(), 1e3));
                g.writeNumberField("burnoutTime", round(m.burnoutTimeS(), 1e3));
                writeState(g, "burnoutState", m.burnout());
                g.writeNumberField("burnoutAlt", round(m.burnoutAltM(), 10));
                g.writeNumberField("burnoutSpeed", round(m.burnoutSpeedMps(), 100));
                g.writeNumberField("flightPathAngle", round(m.flightPathAngleDeg(), 1e3));
                g.writeNumberField("azimuth", round(m.azimuthDeg(), 1e3));
                g.writeNumberField("aimLat", round(m.aimLatDeg(), 1e6));
                g.writeNumberField("aimLon", round(m.aimLonDeg(), 1e6));
                g.writeNumberField("endTime", round(m.endTimeS(), 1e3));
                writeState(g, "endState", m.end());
                g.writeNumberField("groundRange", round(m.groundRangeM(), 10));
                g.writeNumberField("apogee", round(m.apogeeM(), 10));
                g.writeStringField("cls", m.cls().name());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeState(JsonGenerator g, String name, Missile.State s) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("x", round(s.x(), 10));
        g.writeNumberField("y", round(s.y(), 10));
        g.writeNumberField("z", round(s.z(), 10));
        g.writeNumberField("vx", round(s.vx(), 100));
        g.writeNumberField("vy", round(s.vy(), 100));
        g.writeNumberField("vz", round(s.vz(), 100));
        g.writeEndObject();
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
