-- Agreements: the aggregate's full state as JSON (AgreementSnapshot), with the columns the service queries on.
create table agreement (
    id             uuid primary key,
    proposer       text not null,
    status         text not null,
    expires_at     timestamptz,
    notice_ends_at timestamptz,
    state          text not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    version        bigint not null
);
-- the rule "only one agreement proposed or in force between the parties", enforced by the database as well
create unique index agreement_one_open on agreement ((true))
    where status in ('PROPOSED', 'PROVISIONAL', 'PERMANENT', 'WITHDRAWAL_PENDING');
create index agreement_due on agreement (status, expires_at, notice_ends_at);

create table amendment (
    id           uuid primary key,
    agreement_id uuid not null references agreement (id),
    proposed_by  text not null,
    status       text not null,
    state        text not null,
    created_at   timestamptz not null,
    version      bigint not null
);
create index amendment_by_agreement on amendment (agreement_id, created_at);

-- The joint audit log: append-only, SHA-256 hash-chained (see docs/audit.md).
create table audit_entry (
    seq            bigint primary key,
    at             timestamptz not null,
    party          text,
    subject        text not null,
    action         text not null,
    agreement_id   uuid,
    payload_digest text not null,
    prev_hash      text not null,
    hash           text not null
);
