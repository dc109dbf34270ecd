-- Raw reports become an archive written beside the fusion worker, not before it (the Kafka topic is the durable
-- record of what was sent): partitioned by day of report time so that retention drops whole partitions, no foreign
-- key and no per-report claim. The key includes t (a partitioned table's key must hold the partition key); a
-- report sent again keeps its time, so it still conflicts and is ignored. The former table held only local data.
drop table report;

create table report (
    party        text not null,
    report_id    text not null,
    sensor_id    text not null,
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
    primary key (party, report_id, t)
) partition by range (t);
create index report_sensor_t on report (sensor_id, t);
create index report_t on report (t);
-- what no day partition covers (a clock moved far ahead in a test or demo) lands here and is deleted by age
create table report_default partition of report default;

-- Makes sure the (UTC) day partitions around `today` exist (days_back before, days_ahead after) and drops those wholly
-- older than keep_days; returns how many partitions it dropped. Called after this migration and every hour.
create function report_partitions_maintain(today date, days_back int, days_ahead int, keep_days int)
returns int language plpgsql as $$
declare
    d date;
    name text;
    dropped int := 0;
    p record;
begin
    for i in -days_back .. days_ahead loop
        d := today + i;
        name := 'report_' || to_char(d, 'YYYYMMDD');
        if to_regclass(name) is null then
            begin
                execute format('create table %I partition of report for values from (%L) to (%L)',
                               name, d::timestamp at time zone 'UTC', (d + 1)::timestamp at time zone 'UTC');
            exception when check_violation then
                -- rows for that day already sit in the default partition: leave the day there
                null;
            end;
        end if;
    end loop;
    for p in select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
             where i.inhparent = 'report'::regclass and c.relname ~ '^report_[0-9]{8}$' loop
        if to_date(substr(p.relname, 8), 'YYYYMMDD') + 1 <= today - keep_days then
            execute format('drop table %I', p.relname);
            dropped := dropped + 1;
        end if;
    end loop;
    delete from report_default where t < (today - keep_days)::timestamp at time zone 'UTC';
    return dropped;
end $$;

select report_partitions_maintain((now() at time zone 'UTC')::date, 1, 3, 7);
