package org.mdcoop.fusion.engine.registration;

/**
 * A radar's estimated constant bias (what its measurements read minus the truth) and the estimate's 1-sigma
 * uncertainty: range m, azimuth and elevation rad.
 *
 * @param residuals          multi-sensor residuals the estimate has learned from
 * @param rejected           residuals left out as outliers (a wrong association, a manoeuvre)
 * @param lastResidualSeconds scan time of the last residual used (NaN if none yet)
 */
public record SensorBias(String sensorId, double rangeM, double azRad, double elRad, double sigmaRangeM,
                         double sigmaAzRad, double sigmaElRad, long residuals, long rejected,
                         double lastResidualSeconds, Status status) {

    /** How far the estimate can be trusted. */
    public enum Status {
        /** Too few residuals from objects other radars see too, or the uncertainty still large. */
        LEARNING,
        /** Converged: uncertainty small against the radar's own errors, residuals centred. */
        RELIABLE,
        /** The residuals of the last minutes are off-centre: the bias is changing faster than the estimate follows. */
        DRIFTING
    }

    /** True when the correction applied to this radar's reports is trustworthy. */
    public boolean reliable() {
        return status == Status.RELIABLE;
    }
}
