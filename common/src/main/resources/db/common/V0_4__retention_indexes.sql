-- Retention (common's MessageRetention) deletes sent outbox rows and old consumer claims by age: these indexes let it
-- find them without scanning the tables, and keep the unsent backlog's partial index (outbox_unsent) as it is.
create index if not exists outbox_sent_at on outbox (sent_at) where sent_at is not null;
create index if not exists processed_event_processed_at on processed_event (processed_at);
