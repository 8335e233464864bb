-- Inbound chat events already handled (Slack event ids and request signatures, Discord
-- interaction, message and reaction ids): the first instance to insert a key handles the
-- event, every other instance on the database drops its copy. Rows older than a day are swept.
CREATE TABLE handled_events (
    surface   VARCHAR(20)  NOT NULL,
    event_key VARCHAR(200) NOT NULL,
    seen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (surface, event_key)
);
CREATE INDEX handled_events_seen ON handled_events (seen_at);
