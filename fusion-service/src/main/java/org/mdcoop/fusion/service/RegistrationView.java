package org.mdcoop.fusion.service;

import java.time.Instant;

import org.mdcoop.common.domain.Party;
import org.mdcoop.fusion.persistence.SensorBiasRow;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A radar's registration as the caller may see it. The owner sees the estimated bias (what the radar reads minus
 * the truth: range m, azimuth and elevation rad), its 1-sigma uncertainty and status, also after the picture has
 * moved on (then {@code corrected} is false and {@code updatedAt} says when); the other party only whether the centre
 * corrects the radar's reports now, since a bias is a sensor detail.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistrationView(String sensorId, Party party, boolean corrected, String status, Double rangeM,
        Double azimuthRad, Double elevationRad, Double sigmaRangeM, Double sigmaAzimuthRad, Double sigmaElevationRad,
        Long residuals, Long rejected, Instant updatedAt) {

    static RegistrationView of(String sensorId, Party owner, SensorBiasRow row, Party caller, Instant freshAfter) {
        boolean corrected = row != null && row.updatedAt.isAfter(freshAfter);
        if (row == null || owner != caller) {
            return new RegistrationView(sensorId, owner, corrected, null, null, null, null, null, null, null, null,
                    null, null);
        }
        return new RegistrationView(sensorId, owner, corrected, row.status, row.rangeM, row.azimuthRad, row.elevationRad,
                row.sigmaRangeM, row.sigmaAzimuthRad, row.sigmaElevationRad, row.residuals, row.rejected,
                row.updatedAt);
    }
}
