-- How many open and in-progress mentions each owner holds ('' stands for nobody). MentionStore
-- changes a count in the same transaction as the mention it counts (taken in, answered,
-- reassigned, closed, reopened), so "/coach mentions", App Home and the daily reminders read a
-- person's count instead of counting their index entries: H2 walks every entry to count, and a
-- founder who owns 70,000 mentions waited 25-37 ms for that count at every look.
-- Portable SQL (H2 and PostgreSQL).
CREATE TABLE mention_owner_counts (
    owner   VARCHAR(300) NOT NULL PRIMARY KEY,
    waiting BIGINT       NOT NULL
);
INSERT INTO mention_owner_counts (owner, waiting)
SELECT COALESCE(assignee, ''), COUNT(*) FROM mentions
WHERE state IN ('open', 'in_progress')
GROUP BY COALESCE(assignee, '');
-- The reminders take from those counts the mentions snoozed now: these few are found here,
-- without walking the whole backlog.
CREATE INDEX mentions_snoozed ON mentions (state, snoozed_until, received_at, assignee);
