-- Jobs and their checkpoints. Written for both SQLite and PostgreSQL: instants are epoch
-- milliseconds, booleans 0/1, JSON documents text.
CREATE TABLE job (
    id               VARCHAR(64)  PRIMARY KEY,
    seq              BIGINT       NOT NULL UNIQUE,
    owner            VARCHAR(64),
    status           VARCHAR(16)  NOT NULL,
    node             VARCHAR(255),
    restarts         INTEGER      NOT NULL DEFAULT 0,
    submitted_at     BIGINT       NOT NULL,
    started_at       BIGINT,
    ended_at         BIGINT,
    time_limit_ms    BIGINT       NOT NULL,
    seed             BIGINT,
    problem_name     VARCHAR(1024),
    counts_json      TEXT         NOT NULL,
    problem_json     TEXT         NOT NULL,
    cancel_requested INTEGER      NOT NULL DEFAULT 0,
    score            VARCHAR(1024),
    feasible         INTEGER,
    plan_json        TEXT,
    assignment_json  TEXT,
    checkpointed_at  BIGINT,
    explanation_json TEXT,
    error_json       TEXT
);

CREATE INDEX job_status ON job (status, seq);
CREATE INDEX job_owner ON job (owner, seq);
CREATE INDEX job_ended ON job (ended_at);

-- Idempotency-Key of POST /api/v1/plans, per owner ('' without keys), for 24 hours.
CREATE TABLE idempotency (
    owner        VARCHAR(64)  NOT NULL,
    idem_key     VARCHAR(255) NOT NULL,
    request_hash VARCHAR(64)  NOT NULL,
    job_id       VARCHAR(64)  NOT NULL,
    created_at   BIGINT       NOT NULL,
    PRIMARY KEY (owner, idem_key)
);
