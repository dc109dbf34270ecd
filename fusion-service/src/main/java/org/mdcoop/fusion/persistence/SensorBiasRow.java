package org.mdcoop.fusion.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A radar's bias as last estimated by the instance that owns the live picture (issue 18). */
@Entity
@Table(name = "sensor_bias")
public class SensorBiasRow {

    @Id
    @Column(name = "sensor_id")
    public String sensorId;

    @Column(nullable = false)
    public String status;

    @Column(name = "range_m")
    public double rangeM;
    @Column(name = "azimuth_rad")
    public double azimuthRad;
    @Column(name = "elevation_rad")
    public double elevationRad;
    @Column(name = "sigma_range_m")
    public double sigmaRangeM;
    @Column(name = "sigma_azimuth_rad")
    public double sigmaAzimuthRad;
    @Column(name = "sigma_elevation_rad")
    public double sigmaElevationRad;

    public long residuals;
    public long rejected;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
