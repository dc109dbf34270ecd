-- The fusion centre: sensor registry, raw reports (stored before they are fused), and the fused tracks.

create table sensor (
    id         text primary key,
    party      text not null,
    type       text not null,
    lat_deg    double precision not null,
    lon_deg    double precision not null,
    alt_m      double precision not null,
    x_m        double precision not null,
    y_m        double precision not null,
    z_m        double precision not null,
    sigma_m    double precision not null,
    revisit_s  double precision not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint not null default 0
);
create index sensor_party on sensor (party);

-- A report id is unique per party; a report that arrives again (REST retry, Kafka redelivery) is ignored.
create table report (
    party        text not null,
    report_id    text not null,
    sensor_id    text not null references sensor (id),
    t            timestamptz not null,
    x_m          double precision not null,
    y_m          double precision not null,
    z_m          double precision not null,
    sigma_m      double precision,
    covariance   text,
    vx_mps       double precision,
    vy_mps       double precision,
    vz_mps       double precision,
    exercise     boolean not null,
    exercise_id  uuid,
    source       text not null,
    received_at  timestamptz not null,
    primary key (party, report_id)
);
create index report_sensor_t on report (sensor_id, t);
create index report_t on report (t);

-- The current state of every fused track (the picture survives a restart) ...
create table track (
    track_id    text primary key,
    stream      text not null,
    exercise    boolean not null,
    exercise_id uuid,
    status      text not null,
    t           timestamptz not null,
    message     text not null,
    updated_at  timestamptz not null
);
create index track_stream_status on track (stream, status);

-- ... and its history (thinned to the persist interval).
create table track_update (
    seq        bigserial primary key,
    track_id   text not null,
    t          timestamptz not null,
    message    text not null
);
create index track_update_track on track_update (track_id, seq);
