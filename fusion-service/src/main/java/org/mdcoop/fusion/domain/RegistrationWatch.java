package org.mdcoop.fusion.domain;

import java.util.Optional;

import org.mdcoop.fusion.engine.registration.SensorBias;
import org.mdcoop.fusion.engine.registration.SensorBias.Status;

/**
 * When a radar's bias estimate deserves an operator's attention: it starts drifting (the radar's bias is changing
 * faster than the estimate follows), or it was reliable and is no longer. Framework-free.
 */
public final class RegistrationWatch {

    private RegistrationWatch() {
    }

    /** The warning for a change of status from {@code before} (null: first estimate) to {@code now}, if any. */
    public static Optional<String> warningOn(Status before, SensorBias now) {
        if (now.status() == before) {
            return Optional.empty();
        }
        if (now.status() == Status.DRIFTING) {
            return Optional.of(String.format(java.util.Locale.ROOT,
                    "radar %s: its bias is drifting (estimate range %.1f m, azimuth %.3f mrad, elevation %.3f mrad; "
                            + "%d residuals, %d rejected): the correction lags the radar, check its alignment",
                    now.sensorId(), now.rangeM(), now.azRad() * 1e3, now.elRad() * 1e3, now.residuals(),
                    now.rejected()));
        }
        if (before == Status.RELIABLE && now.status() == Status.LEARNING) {
            return Optional.of(String.format(java.util.Locale.ROOT,
                    "radar %s: its bias estimate is no longer reliable (sigma range %.1f m, azimuth %.3f mrad, "
                            + "elevation %.3f mrad): too few objects seen by other radars lately",
                    now.sensorId(), now.sigmaRangeM(), now.sigmaAzRad() * 1e3, now.sigmaElRad() * 1e3));
        }
        return Optional.empty();
    }

    /** The status as a gauge value: 0 learning, 1 reliable, 2 drifting. */
    public static int gaugeValue(Status status) {
        return switch (status) {
            case LEARNING -> 0;
            case RELIABLE -> 1;
            case DRIFTING -> 2;
        };
    }
}
