package org.mdcoop.fusion.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.mdcoop.common.domain.Party;
import org.mdcoop.fusion.domain.SensorType;

@Entity
@Table(name = "sensor")
public class SensorRow {

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Party party;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SensorType type;

    @Column(name = "lat_deg")
    public double latDeg;
    @Column(name = "lon_deg")
    public double lonDeg;
    @Column(name = "alt_m")
    public double altM;
    @Column(name = "x_m")
    public double xM;
    @Column(name = "y_m")
    public double yM;
    @Column(name = "z_m")
    public double zM;
    @Column(name = "sigma_m")
    public double sigmaM;
    @Column(name = "revisit_s")
    public double revisitS;
    /** Nominal polar errors (null: not registered). */
    @Column(name = "sigma_range_m")
    public Double sigmaRangeM;
    @Column(name = "sigma_azimuth_rad")
    public Double sigmaAzimuthRad;
    @Column(name = "sigma_elevation_rad")
    public Double sigmaElevationRad;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
