-- Disclosures: one row per version of a party's disclosure of one kind for one reporting round. The content and the
-- change notice are stored as JSON text; the other columns are what the service queries and locks on.
create table disclosure (
    id                 uuid primary key,
    party              text not null,
    kind               text not null,
    round              text not null,
    series_version     integer not null,
    status             text not null,
    content            text not null,
    change_occurred_on date,
    change_notice      text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    submitted_at       timestamptz,
    superseded_at      timestamptz,
    version            bigint not null
);
-- one row per version of a series; at most one draft and at most one submitted version per series
create unique index disclosure_series_version on disclosure (party, kind, round, series_version);
create unique index disclosure_one_draft on disclosure (party, kind, round) where status = 'DRAFT';
create unique index disclosure_one_submitted on disclosure (party, kind, round) where status = 'SUBMITTED';
create index disclosure_by_round on disclosure (round, kind);

-- Interceptor tests: the aggregate's full state as JSON (TestSnapshot), with the columns queries need.
create table interceptor_test (
    id           uuid primary key,
    host         text not null,
    state        text not null,
    window_start timestamptz not null,
    window_end   timestamptz not null,
    snapshot     text not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      bigint not null
);
create index interceptor_test_pending on interceptor_test (state);
create index interceptor_test_window on interceptor_test (window_start);
