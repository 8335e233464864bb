-- Reminders are retried when a chat platform fails: a row is 'sending' while one instance
-- delivers it, 'retry' after a failure (next_attempt_at says when), 'sent' once delivered,
-- 'failed' once the retry window is over. A 'sending' row left by a crash is never resent.
ALTER TABLE sent_reminders ADD COLUMN status VARCHAR(10) DEFAULT 'sent' NOT NULL;
ALTER TABLE sent_reminders ADD COLUMN attempts INT DEFAULT 1 NOT NULL;
ALTER TABLE sent_reminders ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sent_reminders ADD COLUMN last_error VARCHAR(200);

-- One row that readiness checks rewrite: a full disk or a read-only file still answers reads.
CREATE TABLE store_probe (
    id        INT PRIMARY KEY,
    probed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
