-- A radar's nominal polar errors (issue 18): a polar report that leaves a sigma out is fused with these. Null when
-- the owner did not register them; then its polar reports carry their own sigmas.
alter table sensor add column sigma_range_m double precision;
alter table sensor add column sigma_azimuth_rad double precision;
alter table sensor add column sigma_elevation_rad double precision;

-- The polar measurement behind an archived report (range m, azimuth rad, elevation rad and their sigmas, as fused):
-- x/y/z and the covariance hold its Cartesian equivalent.
alter table report add column polar text;

-- Each radar's bias as the owner of the live picture estimates it (issue 18), written every few seconds so that any
-- instance can answer for it.
create table sensor_bias (
    sensor_id           text primary key,
    status              text not null,
    range_m             double precision not null,
    azimuth_rad         double precision not null,
    elevation_rad       double precision not null,
    sigma_range_m       double precision not null,
    sigma_azimuth_rad   double precision not null,
    sigma_elevation_rad double precision not null,
    residuals           bigint not null,
    rejected            bigint not null,
    updated_at          timestamptz not null
);
