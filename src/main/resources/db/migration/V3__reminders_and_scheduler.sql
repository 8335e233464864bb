-- One row per reminder sent: the key (recipient and local day) is written before the
-- message goes out, so a restart or a second instance never sends the same one twice.
CREATE TABLE sent_reminders (
    reminder_key  VARCHAR(400) PRIMARY KEY,
    recipient     VARCHAR(300) NOT NULL,
    local_day     DATE         NOT NULL,
    mention_count INT          NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- db-scheduler's own table (its documented schema; BYTEA is accepted by H2 and PostgreSQL).
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT       NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority, execution_time);
