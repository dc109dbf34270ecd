package org.mdcoop.fusion.engine.tools;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** A scenario's detections.jsonl loaded into parallel arrays (sorted by t as in the file). */
public final class Detections {
    public int size;
    public double[] tSeconds = new double[1024];
    public double[] xM = new double[1024];
    public double[] yM = new double[1024];
    public double[] zM = new double[1024];
    public double[] sigmaM = new double[1024];
    public String[] sensorId = new String[1024];
    public String[] party = new String[1024];
    public String[] reportId = new String[1024];
    public boolean[] exercise = new boolean[1024];
    /** Delivery time of each report (field {@code arrival}); NaN where the file has none. */
    public double[] arrivalSeconds = new double[1024];

    /** Appends one report (for scenarios built in memory); keep the rows sorted by t. */
    public void add(double t, double x, double y, double z, double sigma, String sensor, String partyName,
                    String id, double arrival) {
        grow();
        int i = size++;
        tSeconds[i] = t;
        xM[i] = x;
        yM[i] = y;
        zM[i] = z;
        sigmaM[i] = sigma;
        sensorId[i] = sensor;
        party[i] = partyName;
        reportId[i] = id;
        exercise[i] = false;
        arrivalSeconds[i] = arrival;
    }

    public static Detections read(Path file) throws IOException {
        Detections d = new Detections();
        JsonFactory f = new JsonFactory();
        try (InputStream in = Files.newInputStream(file); JsonParser p = f.createParser(in)) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
                d.grow();
                int i = d.size;
                d.exercise[i] = false;
                d.arrivalSeconds[i] = Double.NaN;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "t" -> d.tSeconds[i] = p.getDoubleValue();
                        case "x" -> d.xM[i] = p.getDoubleValue();
                        case "y" -> d.yM[i] = p.getDoubleValue();
                        case "z" -> d.zM[i] = p.getDoubleValue();
                        case "sigma" -> d.sigmaM[i] = p.getDoubleValue();
                        case "sensorId" -> d.sensorId[i] = p.getText().intern();
                        case "party" -> d.party[i] = p.getText().intern();
                        case "reportId" -> d.reportId[i] = p.getText();
                        case "exercise" -> d.exercise[i] = p.getBooleanValue();
                        case "arrival" -> d.arrivalSeconds[i] = p.getDoubleValue();
                        default -> p.skipChildren();
                    }
                }
                d.size++;
            }
        }
        return d;
    }

    private void grow() {
        if (size < tSeconds.length) {
            return;
        }
        int cap = size * 2;
        tSeconds = Arrays.copyOf(tSeconds, cap);
        xM = Arrays.copyOf(xM, cap);
        yM = Arrays.copyOf(yM, cap);
        zM = Arrays.copyOf(zM, cap);
        sigmaM = Arrays.copyOf(sigmaM, cap);
        sensorId = Arrays.copyOf(sensorId, cap);
        party = Arrays.copyOf(party, cap);
        reportId = Arrays.copyOf(reportId, cap);
        exercise = Arrays.copyOf(exercise, cap);
        arrivalSeconds = Arrays.copyOf(arrivalSeconds, cap);
    }
}
