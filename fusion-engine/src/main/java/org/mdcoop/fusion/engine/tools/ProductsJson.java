package org.mdcoop.fusion.engine.tools;

import java.util.List;

import org.mdcoop.fusion.engine.products.TrackProducts;

/** One JSON line per {@link TrackProducts} (for the replay tool; the service has its own mapping). */
final class ProductsJson {
    private ProductsJson() {
    }

    static String toJson(TrackProducts p) {
        StringBuilder b = new StringBuilder(512);
        b.append("{\"trackId\":\"T").append(p.trackId()).append('"')
                .append(",\"t\":").append(p.tSeconds())
                .append(",\"latDeg\":").append(r(p.latDeg(), 1e5))
                .append(",\"lonDeg\":").append(r(p.lonDeg(), 1e5))
                .append(",\"altitudeM\":").append(r(p.altitudeM(), 10))
                .append(",\"speedMps\":").append(r(p.speedMps(), 100))
                .append(",\"updates\":").append(p.updates())
                .append(",\"positionSigmaM\":").append(r(p.positionSigmaM(), 10))
                .append(",\"parties\":").append(list(p.parties()))
                .append(",\"sensors\":").append(list(p.sensors()))
                .append(",\"exercise\":").append(p.exercise())
                .append(",\"launch\":{\"latDeg\":").append(r(p.launchPoint().latDeg(), 1e5))
                .append(",\"lonDeg\":").append(r(p.launchPoint().lonDeg(), 1e5))
                .append(",\"t\":").append(r(p.launchPoint().tSeconds(), 100)).append('}')
                .append(",\"impact\":{\"latDeg\":").append(r(p.impact().latDeg(), 1e5))
                .append(",\"lonDeg\":").append(r(p.impact().lonDeg(), 1e5))
                .append(",\"t\":").append(r(p.impact().tSeconds(), 100))
                .append(",\"tSigmaS\":").append(r(p.impact().timeSigmaSeconds(), 100))
                .append(",\"semiMajorM\":").append(r(p.impact().semiMajorM(), 10))
                .append(",\"semiMinorM\":").append(r(p.impact().semiMinorM(), 10))
                .append(",\"orientationDeg\":").append(r(p.impact().orientationDeg(), 100)).append('}')
                .append(",\"groundRangeKm\":").append(r(p.groundRangeM() / 1000, 10))
                .append(",\"class\":\"").append(p.missileClass()).append('"')
                .append(",\"classConfidence\":").append(r(p.classConfidence(), 1000))
                .append('}');
        return b.toString();
    }

    private static double r(double v, double scale) {
        return Math.round(v * scale) / scale;
    }

    private static String list(List<String> names) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < names.size(); i++) {
            b.append(i == 0 ? "\"" : ",\"").append(names.get(i)).append('"');
        }
        return b.append(']').toString();
    }
}
