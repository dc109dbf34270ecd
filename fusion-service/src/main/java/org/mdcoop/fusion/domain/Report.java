package org.mdcoop.fusion.domain;

import java.time.Instant;
import java.util.UUID;

import org.mdcoop.common.domain.Party;

/**
 * One position report as the centre accepts it, from REST or Kafka: the party is the submitter's (REST: the
 * verifying identity provider; Kafka: the registered owner of the sensor). Earth-centred frame with ECEF axes,
 * metres and seconds. Either {@code sigmaM} or {@code covarianceM2} (row-major 3x3) is set.
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
        UUID exerciseId) {

    /** The picture the report belongs to: the live one, or one per exercise (they never mix). */
    public String stream() {
        return Streams.of(exerciseId);
    }

    public double tSeconds() {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }
}
