-- Faster `candor stats`: a year of a busy team is about 90,000 daily count rows and 500,000
-- daily rule rows, too many to read in a second. Two roll-ups, kept by ReviewLogStore.add next
-- to the daily tables, let a report read whole weeks and whole spans of days instead:
--   review_week       the review_day counts per week (first_day: the Monday, as days since
--                     1970-01-01), for the weeks a period covers whole; its edges come from review_day;
--   review_rule_span  the review_rule_day hits per aligned span of 2, 4, ... 512 days (first_day a
--                     multiple of span_days, as days since 1970-01-01): any period is at most two
--                     spans of each length plus two single days, so a year reads about ten spans.
-- The covering indexes (key and figures) let H2 answer from the index alone instead of looking
-- up every row in the table. Portable SQL (H2 and PostgreSQL); days since 1970 come from
-- EXTRACT(EPOCH FROM date), which both count without regard to time zone.
CREATE TABLE review_week (
    first_day     INT           NOT NULL,
    team          VARCHAR(200)  NOT NULL,
    author        VARCHAR(200)  NOT NULL,
    source        VARCHAR(20)   NOT NULL,
    platforms     VARCHAR(200)  NOT NULL,
    reviews       INT           NOT NULL,
    ready         INT           NOT NULL,
    another_look  INT           NOT NULL,
    rethink       INT           NOT NULL,
    first_looks   INT           NOT NULL,
    first_ready   INT           NOT NULL,
    PRIMARY KEY (first_day, team, author, source, platforms)
);
CREATE INDEX review_week_figures ON review_week (first_day, team, author, source, platforms, reviews, ready,
    another_look, rethink, first_looks, first_ready);

CREATE TABLE review_rule_span (
    span_days     INT           NOT NULL,
    first_day     INT           NOT NULL,
    team          VARCHAR(200)  NOT NULL,
    author        VARCHAR(200)  NOT NULL,
    source        VARCHAR(20)   NOT NULL,
    platforms     VARCHAR(200)  NOT NULL,
    rule_id       VARCHAR(120)  NOT NULL,
    hits          INT           NOT NULL,
    PRIMARY KEY (span_days, first_day, team, author, source, platforms, rule_id)
);
CREATE INDEX review_rule_span_hits ON review_rule_span (span_days, first_day, team, author, source, platforms,
    rule_id, hits);

-- What the daily tables hold already. 1970-01-05 (day 4) was a Monday.
INSERT INTO review_week (first_day, team, author, source, platforms, reviews, ready, another_look, rethink,
                         first_looks, first_ready)
SELECT w, team, author, source, platforms, SUM(reviews), SUM(ready), SUM(another_look), SUM(rethink),
       SUM(first_looks), SUM(first_ready)
FROM (SELECT (CAST(EXTRACT(EPOCH FROM local_day) AS BIGINT) / 86400 + 3) / 7 * 7 - 3 AS w, team, author, source,
             platforms, reviews, ready, another_look, rethink, first_looks, first_ready
      FROM review_day) d
GROUP BY w, team, author, source, platforms;

INSERT INTO review_rule_span (span_days, first_day, team, author, source, platforms, rule_id, hits)
SELECT s.span_days, r.e / s.span_days * s.span_days, r.team, r.author, r.source, r.platforms, r.rule_id, SUM(r.hits)
FROM (SELECT CAST(EXTRACT(EPOCH FROM local_day) AS BIGINT) / 86400 AS e, team, author, source, platforms, rule_id,
             hits
      FROM review_rule_day) r
CROSS JOIN (SELECT 2 AS span_days UNION ALL SELECT 4 UNION ALL SELECT 8 UNION ALL SELECT 16 UNION ALL SELECT 32
            UNION ALL SELECT 64 UNION ALL SELECT 128 UNION ALL SELECT 256 UNION ALL SELECT 512) s
GROUP BY s.span_days, r.e / s.span_days * s.span_days, r.team, r.author, r.source, r.platforms, r.rule_id;

-- A mention's first answer, kept on the mention (MentionStore writes it with the "answered"
-- event), so a report reads mentions alone, from indexes: those received in a period and
-- those still waiting (a superset of the index it replaces).
ALTER TABLE mentions ADD COLUMN answered_at TIMESTAMP WITH TIME ZONE;
UPDATE mentions SET answered_at = (SELECT MIN(e.at) FROM mention_events e
                                   WHERE e.mention_id = mentions.id AND e.action = 'answered');
CREATE INDEX mentions_stats_received ON mentions (received_at, state, platform, assignee, answered_at, id);
CREATE INDEX mentions_stats_waiting ON mentions (state, received_at, platform, assignee, answered_at, id);
DROP INDEX mentions_state_received;
