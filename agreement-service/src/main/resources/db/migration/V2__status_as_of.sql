-- The asOf of the last status published for the agreement. The next status is always later than this one, whatever
-- the clock of the replica publishing it says, because the followers keep the status with the latest asOf.
alter table agreement add column status_as_of timestamptz;
