package org.mdcoop.fusion.persistence;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The 3x3 covariance as comma-separated text in the report table. */
public final class ReportCodec {

    private ReportCodec() {
    }

    public static String covarianceText(double[] cov) {
        return cov == null ? null : Arrays.stream(cov).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    public static double[] covariance(String text) {
        return text == null ? null : Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
