-- Each consuming service's local view of the agreement(s), built from agreement.events and agreement.status.
create table agreement_view (
    agreement_id   uuid primary key,
    status         text not null,
    elements       text not null,
    in_force       boolean not null,
    effective_at   timestamptz,
    expires_at     timestamptz,
    notice_ends_at timestamptz,
    ended_at       timestamptz,
    in_force_since timestamptz,
    as_of          timestamptz not null,
    updated_at     timestamptz not null
);
