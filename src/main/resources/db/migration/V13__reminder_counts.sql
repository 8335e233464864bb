-- The daily reminders count each person's waiting mentions (those old enough and not snoozed,
-- and how many are past the escalation age) in one pass over this index, which holds every
-- column that count reads: no row and no mention text is fetched, whatever the backlog.
-- (mentions_stats_waiting lacks snoozed_until; widened, it made this count 40% slower.)
-- Portable SQL (H2 and PostgreSQL).
CREATE INDEX mentions_waiting_counts ON mentions (state, received_at, assignee, snoozed_until);
