-- What `candor stats` counts about reviews, kept as daily counts: per day (in the team's zone,
-- reminders.zone, when the review was made), writer and target platforms, how many drafts
-- were reviewed, their verdicts, and how many were new drafts (first_looks: the writer had
-- not reviewed a near-copy in the 24 hours before) and of those how many were
-- ready at once. Never a draft's text. Counts are added at review time, so a year of a busy
-- team is tens of thousands of rows, read in well under a second.
-- Portable SQL (H2 and PostgreSQL).
CREATE TABLE review_day (
    local_day     DATE          NOT NULL,
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
    PRIMARY KEY (local_day, team, author, source, platforms)
);

-- How many reviews found each rule, per day, writer and platforms (a rule found twice in one
-- draft counts once): what the team should be coached on.
CREATE TABLE review_rule_day (
    local_day     DATE          NOT NULL,
    team          VARCHAR(200)  NOT NULL,
    author        VARCHAR(200)  NOT NULL,
    source        VARCHAR(20)   NOT NULL,
    platforms     VARCHAR(200)  NOT NULL,
    rule_id       VARCHAR(120)  NOT NULL,
    hits          INT           NOT NULL,
    PRIMARY KEY (local_day, team, author, source, platforms, rule_id)
);

-- The weekly digest: one row per team-zone week, claimed before it is sent, so restarts and
-- several instances send it once.
CREATE TABLE sent_digests (
    week_start  DATE          PRIMARY KEY,
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    status      VARCHAR(10)   NOT NULL
);
