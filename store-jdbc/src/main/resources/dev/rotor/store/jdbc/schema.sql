-- Rotor's PostgreSQL schema (PostgreSQL 14 or newer). Safe to run again; copy it into a migration tool as it is.
-- Nothing here is token-derived: generations, times, ids and flags only. Times are milliseconds since
-- 1970-01-01T00:00:00Z (what Rotor keeps, exactly), as bigint: cheaper to compare, send and decode than timestamptz.

-- One row per user: its version, which every write compares and moves on (from one sequence, so a user
-- deleted and seen again never repeats a version), and when its last session ends.
CREATE SEQUENCE IF NOT EXISTS rotor_versions;

CREATE TABLE IF NOT EXISTS rotor_subjects (
    subject_digest bytea       NOT NULL PRIMARY KEY, -- SHA-256 of the user id's UTF-8: a fixed-size key
    subject        bytea       NOT NULL,             -- the user id's UTF-8 ("text" cannot hold U+0000)
    version        bigint      NOT NULL,
    expires_at     bigint      NOT NULL              -- no session of the user lives longer
);

-- One row per session (token family), reached only through its user.
CREATE TABLE IF NOT EXISTS rotor_sessions (
    subject_digest      bytea       NOT NULL,
    session_id          text        NOT NULL,
    device_id           bytea,                       -- UTF-8, or NULL
    created_at          bigint      NOT NULL,
    generation          bigint      NOT NULL,        -- of the current refresh token
    rotated_at          bigint      NOT NULL,
    expires_at          bigint      NOT NULL,        -- sliding, never after absolute_expires_at
    absolute_expires_at bigint,
    last_request_id     text,                        -- the refresh call that minted the current generation
    replay_request_ids  text        NOT NULL,        -- calls answered in the grace period, space-separated
    revoked             boolean     NOT NULL,
    PRIMARY KEY (subject_digest, session_id)
);

-- For the sweep that deletes what has expired.
CREATE INDEX IF NOT EXISTS rotor_subjects_expires_at ON rotor_subjects (expires_at);
CREATE INDEX IF NOT EXISTS rotor_sessions_expires_at ON rotor_sessions (expires_at);
