-- User database, version 1: profiles and what each one records.
-- Run by kc_userdb_open() inside BEGIN IMMEDIATE ... PRAGMA user_version=1;
-- COMMIT, so it either all happens or none of it does.
--
-- Times are Unix seconds (INTEGER). Calendar days are day numbers (days since
-- 1970-01-01, see include/kneecare/day.h), so "day 2 of the plan" is
-- start_day + 1 whatever the clocks did. Checks repeat the rules of the C
-- code so that no other writer can store what the program would refuse.

CREATE TABLE profile (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
  created_at INTEGER NOT NULL
);

-- A 3-day plan. ended_at is NULL while it is the profile's active plan.
CREATE TABLE plan (
  id         INTEGER PRIMARY KEY,
  profile_id INTEGER NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
  start_day  INTEGER NOT NULL CHECK (start_day BETWEEN -25567 AND 2932896),
  started_at INTEGER NOT NULL,
  ended_at   INTEGER,
  checkin    TEXT CHECK (checkin IN ('better', 'same', 'worse')),
  checkin_at INTEGER,
  CHECK ((checkin IS NULL) = (checkin_at IS NULL))
);
-- At most one active plan per profile.
CREATE UNIQUE INDEX plan_one_active ON plan (profile_id) WHERE ended_at IS NULL;

-- A ticked task on plan day 1..3; no row means not ticked. late = it was
-- ticked on a later calendar day than the one it belongs to.
CREATE TABLE tick (
  plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  task_id TEXT NOT NULL CHECK (length(task_id) BETWEEN 1 AND 32),
  day     INTEGER NOT NULL CHECK (day BETWEEN 1 AND 3),
  at      INTEGER NOT NULL,
  late    INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
  PRIMARY KEY (plan_id, task_id, day)
) WITHOUT ROWID;

-- One completed ice session.
CREATE TABLE ice_session (
  id      INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  day     INTEGER NOT NULL CHECK (day BETWEEN 1 AND 3),
  at      INTEGER NOT NULL,
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 60),
  late    INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1))
);

-- The day's pain score, one per plan day.
CREATE TABLE pain (
  plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  day     INTEGER NOT NULL CHECK (day BETWEEN 1 AND 3),
  score   INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
  note    TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  at      INTEGER NOT NULL,
  late    INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
  PRIMARY KEY (plan_id, day)
) WITHOUT ROWID;

-- A daily red-flag re-check: the calendar day it was asked on, when, and
-- the resulting level (0 = no flag .. 4 = emergency, see level.h).
CREATE TABLE redflag_check (
  id       INTEGER PRIMARY KEY,
  plan_id  INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  cal_day  INTEGER NOT NULL CHECK (cal_day BETWEEN -25567 AND 2932896),
  at       INTEGER NOT NULL,
  level    INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),
  answers  TEXT NOT NULL DEFAULT ''
);

-- A completed symptom-wizard run, kept as the caller serialised it.
CREATE TABLE wizard_run (
  id         INTEGER PRIMARY KEY,
  profile_id INTEGER NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
  at         INTEGER NOT NULL,
  answers    TEXT NOT NULL,
  level      INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),
  causes     TEXT NOT NULL DEFAULT ''
);

-- Settings: profile_id NULL is a global setting.
CREATE TABLE setting (
  profile_id INTEGER REFERENCES profile (id) ON DELETE CASCADE,
  key        TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 64),
  value      TEXT NOT NULL
);
CREATE UNIQUE INDEX setting_profile_key ON setting (profile_id, key) WHERE profile_id IS NOT NULL;
CREATE UNIQUE INDEX setting_global_key ON setting (key) WHERE profile_id IS NULL;
