-- Statuses are ordered by the row's version (the revision), not by a producer clock: status_as_of goes.
alter table agreement drop column status_as_of;

-- A deferred effective moment the scheduler has still to announce (agreement.in-force).
alter table agreement add column in_force_due_at timestamptz;
create index agreement_in_force_due on agreement (in_force_due_at) where in_force_due_at is not null;
update agreement set in_force_due_at = (state::jsonb ->> 'effectiveAt')::timestamptz
 where status in ('PROVISIONAL', 'PERMANENT', 'WITHDRAWAL_PENDING')
   and (state::jsonb ->> 'effectiveAt')::timestamptz > (state::jsonb ->> 'decidedAt')::timestamptz;
