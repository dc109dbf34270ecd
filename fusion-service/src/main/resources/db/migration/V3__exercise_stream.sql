-- The exercises the fusion centre has heard of on exercise.events: an exercise's report stream is open only while
-- the exercise is RUNNING, to the parties taking part and the sensors its run declared (issue: sources of reports
-- are who they say). One row per exercise, replaced by later events; an ended exercise is never reopened.
create table exercise_stream (
    exercise_id uuid primary key,
    status      text not null,
    parties     text not null,
    sensor_ids  text not null,
    event_at    timestamptz not null,
    updated_at  timestamptz not null
);
