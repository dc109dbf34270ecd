package org.mdcoop.fusion.service;

import org.mdcoop.common.domain.Party;
import org.mdcoop.fusion.domain.SensorType;
import org.mdcoop.fusion.persistence.SensorRow;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A sensor as the caller may see it: the owner sees everything, the other party only id, party and type. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SensorView(String id, Party party, SensorType type, Double latDeg, Double lonDeg, Double altM,
        Double xM, Double yM, Double zM, Double sigmaM, Double revisitS, Double sigmaRangeM, Double sigmaAzimuthRad,
        Double sigmaElevationRad, Long version) {

    static SensorView of(SensorRow row, Party caller) {
        if (row.party != caller) {
            return new SensorView(row.id, row.party, row.type, null, null, null, null, null, null, null, null, null,
                    null, null, null);
        }
        return new SensorView(row.id, row.party, row.type, row.latDeg, row.lonDeg, row.altM, row.xM, row.yM, row.zM,
                row.sigmaM, row.revisitS, row.sigmaRangeM, row.sigmaAzimuthRad, row.sigmaElevationRad, row.version);
    }
}
