package org.mdcoop.fusion.engine.tools;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A scenario's detections.jsonl loaded into parallel arrays (sorted by t as in the file). A report may carry a full
 * covariance ({@code cov}: xx, xy, xz, yy, yz, zz in m^2) and a radar's polar measurement ({@code polar}: r m, az and
 * el rad, with their sigmas); the site of a polar report comes from the sensor's entry in sensors.json next to the
 * file.
 */
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
    /** 6 per row: xx, xy, xz, yy, yz, zz (m^2); the row's first element is NaN where the report has no covariance. */
    public double[] cov6 = new double[1024 * 6];
    /**
     * 6 per row: range (m), azimuth (rad from north, clockwise), elevation (rad), their 1-sigma errors; the row's
     * range is NaN where the report is not a polar measurement.
     */
    public double[] polar6 = new double[1024 * 6];
    /** 3 per row: the site of a polar report (Earth-centred, m); NaN where unknown. */
    public double[] site3 = new double[1024 * 3];

    public boolean hasCov(int i) {
        return !Double.isNaN(cov6[i * 6]);
    }

    /** True for a polar measurement whose site is known. */
    public boolean hasPolar(int i) {
        return !Double.isNaN(polar6[i * 6]) && !Double.isNaN(site3[i * 3]);
    }

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
        cov6[i * 6] = Double.NaN;
        polar6[i * 6] = Double.NaN;
        site3[i * 3] = Double.NaN;
    }

    /** Appends a radar report: position as converted, its covariance and the polar measurement from its site. */
    public void addPolar(double t, double x, double y, double z, double sigma, String sensor, String partyName,
                         String id, double arrival, double[] cov, double rangeM, double azRad, double elRad,
                         double sigmaRangeM, double sigmaAzRad, double sigmaElRad, double siteX, double siteY,
                         double siteZ) {
        add(t, x, y, z, sigma, sensor, partyName, id, arrival);
        int i = size - 1;
        System.arraycopy(cov, 0, cov6, i * 6, 6);
        polar6[i * 6] = rangeM;
        polar6[i * 6 + 1] = azRad;
        polar6[i * 6 + 2] = elRad;
        polar6[i * 6 + 3] = sigmaRangeM;
        polar6[i * 6 + 4] = sigmaAzRad;
        polar6[i * 6 + 5] = sigmaElRad;
        site3[i * 3] = siteX;
        site3[i * 3 + 1] = siteY;
        site3[i * 3 + 2] = siteZ;
    }

    public static Detections read(Path file) throws IOException {
        Detections d = new Detections();
        JsonFactory f = new JsonFactory();
        Map<String, double[]> sites = readSites(f, file.resolveSibling("sensors.json"));
        try (InputStream in = Files.newInputStream(file); JsonParser p = f.createParser(in)) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
                d.grow();
                int i = d.size;
                d.exercise[i] = false;
                d.arrivalSeconds[i] = Double.NaN;
                d.cov6[i * 6] = Double.NaN;
                d.polar6[i * 6] = Double.NaN;
                d.site3[i * 3] = Double.NaN;
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
                        case "cov" -> readCov(p, d.cov6, i * 6);
                        case "polar" -> readPolar(p, d.polar6, i * 6);
                        default -> p.skipChildren();
                    }
                }
                double[] site = sites.get(d.sensorId[i]);
                if (site != null && !Double.isNaN(d.polar6[i * 6])) {
                    System.arraycopy(site, 0, d.site3, i * 3, 3);
                    for (int k = 3; k < 6; k++) {
                        if (Double.isNaN(d.polar6[i * 6 + k])) {
                            d.polar6[i * 6 + k] = site[k];
                        }
                    }
                }
                if (!Double.isNaN(d.polar6[i * 6])
                        && (Double.isNaN(d.polar6[i * 6 + 3]) || Double.isNaN(d.polar6[i * 6 + 4])
                        || Double.isNaN(d.polar6[i * 6 + 5]))) {
                    d.polar6[i * 6] = Double.NaN; // sigmas unknown: use the report's cov or sigma instead
                }
                d.size++;
            }
        }
        return d;
    }

    private static void readCov(JsonParser p, double[] out, int o) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        int k = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (k < 6) {
                out[o + k] = p.getDoubleValue();
            }
            k++;
        }
        if (k != 6) {
            throw new IOException("cov must have 6 elements (xx, xy, xz, yy, yz, zz), got " + k);
        }
    }

    /** {@code {"r","az","el"[,"sigmaR","sigmaAz","sigmaEl"]}}; without sigmas the sensor's are used (sensors.json). */
    private static void readPolar(JsonParser p, double[] out, int o) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        double[] v = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "r" -> v[0] = p.getDoubleValue();
                case "az" -> v[1] = p.getDoubleValue();
                case "el" -> v[2] = p.getDoubleValue();
                case "sigmaR" -> v[3] = p.getDoubleValue();
                case "sigmaAz" -> v[4] = p.getDoubleValue();
                case "sigmaEl" -> v[5] = p.getDoubleValue();
                default -> p.skipChildren();
            }
        }
        System.arraycopy(v, 0, out, o, 6);
    }

    /** Per sensor id: site x, y, z and polar sigmas (range, az, el; NaN if absent) from sensors.json. */
    private static Map<String, double[]> readSites(JsonFactory f, Path sensorsFile) throws IOException {
        Map<String, double[]> sites = new HashMap<>();
        if (!Files.isRegularFile(sensorsFile)) {
            return sites;
        }
        try (InputStream in = Files.newInputStream(sensorsFile); JsonParser p = f.createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return sites;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String id = null;
                double[] site = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "sensorId" -> id = p.getText();
                        case "x" -> site[0] = p.getDoubleValue();
                        case "y" -> site[1] = p.getDoubleValue();
                        case "z" -> site[2] = p.getDoubleValue();
                        case "sigmaRangeM" -> site[3] = p.getDoubleValue();
                        case "sigmaAzRad" -> site[4] = p.getDoubleValue();
                        case "sigmaElRad" -> site[5] = p.getDoubleValue();
                        default -> p.skipChildren();
                    }
                }
                if (id != null) {
                    sites.put(id, site);
                }
            }
        }
        return sites;
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
        cov6 = Arrays.copyOf(cov6, cap * 6);
        polar6 = Arrays.copyOf(polar6, cap * 6);
        site3 = Arrays.copyOf(site3, cap * 3);
    }
}
