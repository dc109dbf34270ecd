-- Shared by every service (each in its own database): the transactional outbox and the consumer de-duplication log.
create table outbox (
    event_id    uuid primary key,
    seq         bigserial not null unique,
    topic       text not null,
    message_key text not null,
    payload     text not null,
    created_at  timestamptz not null,
    sent_at     timestamptz,
    attempts    integer not null default 0,
    last_error  text
);
create index outbox_unsent on outbox (seq) where sent_at is null;

create table processed_event (
    event_id     uuid not null,
    consumer     text not null,
    processed_at timestamptz not null,
    primary key (event_id, consumer)
);
