-- Exercises: the aggregate's full state as JSON (Exercise.Snapshot), with the columns the service queries on.
create table exercise (
    id              uuid primary key,
    host            text not null,
    status          text not null,
    name            text not null,
    window_start    timestamptz not null,
    window_end      timestamptz not null,
    -- the agreement (covering JOINT_EXERCISES) in force when the exercise was proposed; its end halts the exercise
    agreement_id    uuid not null,
    sensors         text not null,
    state           text not null,
    proposed_at     timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint not null
);
create index exercise_by_host_window on exercise (host, window_start, window_end);
create index exercise_by_agreement on exercise (agreement_id, status);

-- One run of a started exercise: how scenario time maps to wall time and how far the reports have been published.
create table exercise_run (
    exercise_id        uuid primary key references exercise (id),
    started_at         timestamptz not null,
    epoch              timestamptz not null,
    pacing_factor      double precision not null,
    scenario_end       timestamptz not null,
    wall_end           timestamptz not null,
    seed               bigint not null,
    scenario_version   integer not null,
    published_until    timestamptz,
    reports_published  bigint not null default 0,
    finished_at        timestamptz,
    finish_reason      text
);
create index exercise_run_active on exercise_run (exercise_id) where finished_at is null;

-- Ground truth of every synthetic launch of a run (object id = inject index) and its states from burnout to 20 km.
create table ground_truth_object (
    exercise_id    uuid not null references exercise (id),
    object_id      integer not null,
    launch_time    timestamptz not null,
    burnout_time   timestamptz not null,
    end_time       timestamptz not null,
    launch_lat     double precision not null,
    launch_lon     double precision not null,
    impact_lat     double precision not null,
    impact_lon     double precision not null,
    missile_class  text not null,
    primary key (exercise_id, object_id)
);

create table ground_truth_sample (
    exercise_id uuid not null,
    object_id   integer not null,
    t           timestamptz not null,
    x_m         double precision not null,
    y_m         double precision not null,
    z_m         double precision not null,
    vx_mps      double precision not null,
    vy_mps      double precision not null,
    vz_mps      double precision not null,
    primary key (exercise_id, object_id, t),
    foreign key (exercise_id, object_id) references ground_truth_object (exercise_id, object_id)
);

-- Fused track updates of the fusion centre for an exercise (from fusion.tracks), the after-action input.
create table track_sample (
    exercise_id      uuid not null references exercise (id),
    track_id         text not null,
    t                timestamptz not null,
    x_m              double precision not null,
    y_m              double precision not null,
    z_m              double precision not null,
    vx_mps           double precision not null,
    vy_mps           double precision not null,
    vz_mps           double precision not null,
    launch_lat       double precision,
    launch_lon       double precision,
    impact_lat       double precision,
    impact_lon       double precision,
    received_at      timestamptz not null,
    primary key (exercise_id, track_id, t)
);

-- After-action reports: one per completed exercise, the aggregate's state as JSON (AfterActionReport.Snapshot).
create table after_action_report (
    exercise_id  uuid primary key references exercise (id),
    id           uuid not null unique,
    status       text not null,
    revision     integer not null,
    state        text not null,
    updated_at   timestamptz not null,
    version      bigint not null
);
