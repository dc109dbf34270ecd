package org.mdcoop.fusion.engine.tools;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** Rows of truth.jsonl ({@code objectId}) or tracks.jsonl ({@code trackId}): t, id, position, velocity. */
public final class StateRows {
    public final List<String> id = new ArrayList<>();
    public double[] t = new double[0];
    /** 6 per row: x, y, z (m), vx, vy, vz (m/s). */
    public double[] state = new double[0];

    public int size() {
        return id.size();
    }

    public void add(double tSeconds, String rowId, double x, double y, double z, double vx, double vy, double vz) {
        int i = id.size();
        if (i == t.length) {
            t = java.util.Arrays.copyOf(t, Math.max(1024, i * 2));
            state = java.util.Arrays.copyOf(state, t.length * 6);
        }
        id.add(rowId);
        t[i] = tSeconds;
        state[i * 6] = x;
        state[i * 6 + 1] = y;
        state[i * 6 + 2] = z;
        state[i * 6 + 3] = vx;
        state[i * 6 + 4] = vy;
        state[i * 6 + 5] = vz;
    }

    public static StateRows read(Path file) throws IOException {
        StateRows rows = new StateRows();
        JsonFactory f = new JsonFactory();
        try (InputStream in = Files.newInputStream(file); JsonParser p = f.createParser(in)) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
                double t = 0, x = 0, y = 0, z = 0, vx = 0, vy = 0, vz = 0;
                String rowId = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "t" -> t = p.getDoubleValue();
                        case "x" -> x = p.getDoubleValue();
                        case "y" -> y = p.getDoubleValue();
                        case "z" -> z = p.getDoubleValue();
                        case "vx" -> vx = p.getDoubleValue();
                        case "vy" -> vy = p.getDoubleValue();
                        case "vz" -> vz = p.getDoubleValue();
                        case "objectId", "trackId" -> rowId = p.getText().intern();
                        default -> p.skipChildren();
                    }
                }
                rows.add(t, rowId, x, y, z, vx, vy, vz);
            }
        }
        return rows;
    }
}
