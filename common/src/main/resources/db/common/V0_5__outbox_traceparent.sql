-- The W3C traceparent of the transaction that wrote the row (null outside any trace); the relay sends it as the
-- Kafka header of the same name, so the consumer continues the trace (common's Outbox, OutboxRelay, Traceparent).
alter table outbox add column if not exists traceparent text;
