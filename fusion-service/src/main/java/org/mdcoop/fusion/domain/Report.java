package org.mdcoop.fusion.domain;

import java.time.Instant;
import java.util.UUID;

import org.mdcoop.common.domain.Party;

/**
 * One position report as the centre accepts it, from REST or Kafka: the party is the submitter's (REST: the
 * verifying identity provider; Kafka: the registered owner of the sensor). Earth-centred frame with ECEF axes,
 * metres and seconds. Either {@code sigmaM} or {@code covarianceM2} (row-major 3x3) is set. A radar's polar report
 * carries its {@link RadarMeasurement}: until it is resolved against the sensor's registration its position is NaN;
 * once resolved, the position and covariance are the measurement's Cartesian equivalent (for plausibility checks,
 * the archive and readers), and the tracker uses the measurement itself.
 */
public record Report(
        String reportId,
        String sensorId,
        Party party,
        Instant t,
        double xM,
        double yM,
        double zM,
        Double sigmaM,
        double[] covarianceM2,
        Double vxMps,
        Double vyMps,
        Double vzMps,
        boolean exercise,
        UUID exerciseId,
        RadarMeasurement radar) {

    /** A position report. */
    public Report(String reportId, String sensorId, Party party, Instant t, double xM, double yM, double zM,
            Double sigmaM, double[] covarianceM2, Double vxMps, Double vyMps, Double vzMps, boolean exercise,
            UUID exerciseId) {
        this(reportId, sensorId, party, t, xM, yM, zM, sigmaM, covarianceM2, vxMps, vyMps, vzMps, exercise,
                exerciseId, null);
    }

    /** The same report as submitted by {@code submitter} (the party always comes from who sent it). */
    public Report withParty(Party submitter) {
        return new Report(reportId, sensorId, submitter, t, xM, yM, zM, sigmaM, covarianceM2, vxMps, vyMps, vzMps,
                exercise, exerciseId, radar);
    }

    /** The picture the report belongs to: the live one, or one per exercise (they never mix). */
    public String stream() {
        return Streams.of(exerciseId);
    }

    public double tSeconds() {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }
}
