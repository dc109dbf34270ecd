package org.mdcoop.fusion.domain;

import org.mdcoop.common.events.SensorReportMessage;
import org.mdcoop.fusion.engine.measurement.PolarMeasurement;

/**
 * Resolves a radar's polar report against its sensor's registration: the site and nominal sigmas come from the
 * registry, and the position and covariance become the measurement's Cartesian equivalent (J R J^T at the
 * measurement), so that every later check and reader sees a position report. The tracker still fuses the
 * measurement itself, corrected by the radar's estimated bias.
 */
public final class PolarReports {

    private PolarReports() {
    }

    /**
     * The report with the measurement's site and sigmas filled in, or the reason it cannot be fused. Expects
     * {@link ReportRules#checkPolarShape} to have passed; a position report is returned as it is.
     */
    public static Resolution resolve(Report raw, RadarSite site) {
        RadarMeasurement m = raw.radar();
        if (m == null) {
            return new Resolution(raw, null);
        }
        RadarMeasurement resolved = m.resolved(site);
        String problem = ReportRules.checkPolarSigmas(resolved).orElse(null);
        if (problem != null) {
            return new Resolution(null, problem);
        }
        double[] polarCov = new double[9];
        polarCov[0] = resolved.sigmaRangeM() * resolved.sigmaRangeM();
        polarCov[4] = resolved.sigmaAzimuthRad() * resolved.sigmaAzimuthRad();
        polarCov[8] = resolved.sigmaElevationRad() * resolved.sigmaElevationRad();
        double[] xyz = new double[3];
        double[] cov = new double[9];
        PolarMeasurement.toCartesian(site.xM(), site.yM(), site.zM(), resolved.rangeM(), resolved.azimuthRad(),
                resolved.elevationRad(), polarCov, 0, xyz, 0, cov, 0, new double[18]);
        return new Resolution(new Report(raw.reportId(), raw.sensorId(), raw.party(), raw.t(), xyz[0], xyz[1], xyz[2],
                null, cov, raw.vxMps(), raw.vyMps(), raw.vzMps(), raw.exercise(), raw.exerciseId(), resolved), null);
    }

    /** The measurement a report or event gives (null for a position report); a value left out is NaN (refused). */
    public static RadarMeasurement fromMessage(SensorReportMessage.Polar p) {
        if (p == null) {
            return null;
        }
        return RadarMeasurement.received(orNaN(p.rangeM()), orNaN(p.azimuthRad()), orNaN(p.elevationRad()),
                p.sigmaRangeM(), p.sigmaAzimuthRad(), p.sigmaElevationRad());
    }

    /** The measurement as an event or a reader gets it (the site stays in the registry). */
    public static SensorReportMessage.Polar toMessage(RadarMeasurement m) {
        return m == null ? null : new SensorReportMessage.Polar(m.rangeM(), m.azimuthRad(), m.elevationRad(),
                m.sigmaRangeM(), m.sigmaAzimuthRad(), m.sigmaElevationRad());
    }

    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }

    /** Either the resolved report or why it is refused. */
    public record Resolution(Report report, String refusal) {
    }
}
