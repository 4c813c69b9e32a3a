-- User database, version 7: the return-to-running programme of issue 15,
-- per profile, designed now so the engineer who builds its rules and
-- screens next round builds on tables that are already there. What the
-- programme asks for (weeks, walk-run intervals, the pain rule) comes from
-- the content database; these tables keep what this person was given and
-- did. Ids of the content (programme, cause, exercise) are lower-case
-- letters, digits and hyphens, at most 64.

-- ---- the programme: one active per profile ----------------------------------------
-- Started after a day-3 check-in whose readiness checks passed (plan_id),
-- or later from Home. Never for a result at 'soon' (level 2) or above
-- unless the person confirmed a clinician's go-ahead (clinician_ok).
CREATE TABLE run_programme (
  id             INTEGER PRIMARY KEY,
  profile_id     INTEGER NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
  programme_id   TEXT NOT NULL CHECK (length(programme_id) BETWEEN 1 AND 64
                                      AND programme_id NOT GLOB '*[^a-z0-9-]*'),
  plan_id        INTEGER REFERENCES plan (id) ON DELETE SET NULL,
  cause_id       TEXT CHECK (cause_id IS NULL OR (length(cause_id) BETWEEN 1 AND 64
                                                  AND cause_id NOT GLOB '*[^a-z0-9-]*')),
  level_at_start INTEGER NOT NULL CHECK (level_at_start BETWEEN 0 AND 5),
  clinician_ok   INTEGER NOT NULL DEFAULT 0 CHECK (clinician_ok IN (0, 1)),
  start_day      INTEGER NOT NULL CHECK (start_day BETWEEN -25567 AND 2932896),
  started_at     INTEGER NOT NULL,
  week           INTEGER NOT NULL DEFAULT 1 CHECK (week BETWEEN 1 AND 52),
  ended_at       INTEGER,
  end_reason     TEXT CHECK (end_reason IN ('finished', 'stopped', 'warning-sign', 'restarted')),
  stop_level     INTEGER CHECK (stop_level BETWEEN 0 AND 5),
  CHECK (level_at_start < 2 OR clinician_ok = 1),
  CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
  CHECK (end_reason IS NOT 'warning-sign' OR stop_level IS NOT NULL),
  CHECK (stop_level IS NULL OR end_reason = 'warning-sign')
);
CREATE UNIQUE INDEX run_programme_one_active ON run_programme (profile_id) WHERE ended_at IS NULL;
CREATE INDEX run_programme_by_profile ON run_programme (profile_id, started_at);

-- ---- sessions: what was planned, what was done, what the pain rule said ----------------
-- Planned from the programme's rules (minutes of running and walking,
-- repeats) for a calendar day; logged with the minutes actually done and
-- the pain during; the next morning's pain and the rule's outcome later.
CREATE TABLE run_session (
  id                   INTEGER PRIMARY KEY,
  programme_id         INTEGER NOT NULL REFERENCES run_programme (id) ON DELETE CASCADE,
  seq                  INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 1000),
  week                 INTEGER NOT NULL CHECK (week BETWEEN 1 AND 52),
  planned_day          INTEGER NOT NULL CHECK (planned_day BETWEEN -25567 AND 2932896),
  planned_run_minutes  INTEGER NOT NULL CHECK (planned_run_minutes BETWEEN 0 AND 180),
  planned_walk_minutes INTEGER NOT NULL CHECK (planned_walk_minutes BETWEEN 0 AND 180),
  planned_repeats      INTEGER NOT NULL DEFAULT 1 CHECK (planned_repeats BETWEEN 1 AND 50),
  done_at              INTEGER,
  actual_run_minutes   INTEGER CHECK (actual_run_minutes BETWEEN 0 AND 300),
  actual_walk_minutes  INTEGER CHECK (actual_walk_minutes BETWEEN 0 AND 300),
  pain_during          INTEGER CHECK (pain_during BETWEEN 0 AND 10),
  pain_next_morning    INTEGER CHECK (pain_next_morning BETWEEN 0 AND 10),
  outcome              TEXT CHECK (outcome IN ('progress', 'repeat', 'step-back', 'stop')),
  note                 TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  UNIQUE (programme_id, seq),
  -- nothing is known of a session before it is logged done
  CHECK (done_at IS NOT NULL OR (actual_run_minutes IS NULL AND actual_walk_minutes IS NULL
                                 AND pain_during IS NULL AND pain_next_morning IS NULL
                                 AND outcome IS NULL)),
  CHECK ((done_at IS NULL) = (pain_during IS NULL))
);
-- Today's session and the week view.
CREATE INDEX run_session_by_day ON run_session (programme_id, planned_day);

-- ---- pauses (illness, travel): the programme shifts without being lost ----------------
CREATE TABLE run_pause (
  id           INTEGER PRIMARY KEY,
  programme_id INTEGER NOT NULL REFERENCES run_programme (id) ON DELETE CASCADE,
  from_day     INTEGER NOT NULL CHECK (from_day BETWEEN -25567 AND 2932896),
  to_day       INTEGER CHECK (to_day IS NULL OR to_day >= from_day),
  reason       TEXT NOT NULL CHECK (reason IN ('illness', 'travel', 'injury', 'other')),
  created_at   INTEGER NOT NULL
);
-- At most one pause open (to_day NULL) at a time.
CREATE UNIQUE INDEX run_pause_one_open ON run_pause (programme_id) WHERE to_day IS NULL;
CREATE INDEX run_pause_by_programme ON run_pause (programme_id, from_day);

-- ---- strength sessions, beside the programme or on their own ----------------------------
-- One row per exercise done: sets, and repetitions or a hold time (one of
-- the two), the version (easier, standard, harder), the pain it caused.
CREATE TABLE strength_log (
  id           INTEGER PRIMARY KEY,
  profile_id   INTEGER NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
  programme_id INTEGER REFERENCES run_programme (id) ON DELETE SET NULL,
  exercise_id  TEXT NOT NULL CHECK (length(exercise_id) BETWEEN 1 AND 64
                                    AND exercise_id NOT GLOB '*[^a-z0-9-]*'),
  variant      TEXT NOT NULL DEFAULT 'standard' CHECK (variant IN ('easier', 'standard', 'harder')),
  cal_day      INTEGER NOT NULL CHECK (cal_day BETWEEN -25567 AND 2932896),
  at           INTEGER NOT NULL,
  sets         INTEGER NOT NULL CHECK (sets BETWEEN 1 AND 20),
  reps         INTEGER CHECK (reps BETWEEN 1 AND 200),
  hold_seconds INTEGER CHECK (hold_seconds BETWEEN 1 AND 600),
  pain         INTEGER CHECK (pain BETWEEN 0 AND 10),
  CHECK ((reps IS NULL) <> (hold_seconds IS NULL))
);
-- A day's or a week's strength work.
CREATE INDEX strength_log_by_day ON strength_log (profile_id, cal_day);
