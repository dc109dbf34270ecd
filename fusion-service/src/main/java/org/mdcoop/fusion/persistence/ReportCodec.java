package org.mdcoop.fusion.persistence;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.mdcoop.fusion.domain.RadarMeasurement;

/** The 3x3 covariance and a polar measurement as comma-separated text in the report table. */
public final class ReportCodec {

    private ReportCodec() {
    }

    public static String covarianceText(double[] cov) {
        return cov == null ? null : Arrays.stream(cov).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    public static double[] covariance(String text) {
        return text == null ? null : Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    /** Range, azimuth, elevation, their sigmas and the site (9 numbers); null for a position report. */
    public static String polarText(RadarMeasurement m) {
        return m == null ? null : covarianceText(new double[] { m.rangeM(), m.azimuthRad(), m.elevationRad(),
                m.sigmaRangeM(), m.sigmaAzimuthRad(), m.sigmaElevationRad(), m.siteXM(), m.siteYM(), m.siteZM() });
    }

    public static RadarMeasurement polar(String text) {
        double[] v = covariance(text);
        return v == null ? null : new RadarMeasurement(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
    }
}
