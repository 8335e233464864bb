-- Where `candor serve` (and `candor mentions pull --once`) got to in each Mastodon or Bluesky
-- account it reads: the newest notification and the newest own post seen, so a restart neither
-- re-imports nor misses what came in while it was down. The lease makes one instance of several
-- on the database the poller of an account at a time; it runs out if that instance dies.
-- Portable SQL (H2 and PostgreSQL).
CREATE TABLE network_cursors (
    account       VARCHAR(300) PRIMARY KEY,
    notifications VARCHAR(300),
    posts         VARCHAR(300),
    lease_owner   VARCHAR(200),
    lease_until   TIMESTAMP WITH TIME ZONE,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
