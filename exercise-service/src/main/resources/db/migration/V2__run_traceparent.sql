-- The trace of the request that started the run: every batch of its reports is sent in a span below it, so a fused
-- track of the exercise (and what this service scores from it) is in the trace of the start.
alter table exercise_run add column traceparent text;
