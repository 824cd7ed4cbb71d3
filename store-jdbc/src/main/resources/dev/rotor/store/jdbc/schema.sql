-- Rotor's PostgreSQL schema (PostgreSQL 14 or newer). Safe to run again; copy it into a migration tool as it is.
-- One row per user: every rule of a rotation applies to one user's sessions at once, so that row is the unit
-- of atomicity, written by a single UPDATE conditional on its version. Nothing in it is token-derived.
CREATE TABLE IF NOT EXISTS rotor_subjects (
    subject_digest bytea       NOT NULL PRIMARY KEY, -- SHA-256 of the user id's UTF-8: a fixed-size key
    subject        bytea       NOT NULL,             -- the user id's UTF-8 ("text" cannot hold U+0000)
    version        bigint      NOT NULL,             -- raised by every write; writes compare it
    expires_at     timestamptz NOT NULL,             -- when the user's last session ends; deleted after that
    sessions       bytea       NOT NULL              -- the user's sessions: ids, generations, times, flags
);

CREATE INDEX IF NOT EXISTS rotor_subjects_expires_at ON rotor_subjects (expires_at);
