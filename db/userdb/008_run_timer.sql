-- User database, version 8: the walk-run timer of a return-to-running
-- session (issue 12). Its state is stored the moment it starts, pauses,
-- resumes or moves to another phase, so quitting or a crash keeps it and
-- reopening the programme offers to resume it or discard it, as the ice
-- timer of version 6 does. One timer per programme; it is deleted when the
-- run is logged or the timer is discarded, and with its programme.
CREATE TABLE run_timer (
  programme_id     INTEGER PRIMARY KEY REFERENCES run_programme (id) ON DELETE CASCADE,
  -- the session it is for: its number and calendar day
  seq              INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 1000),
  day              INTEGER NOT NULL CHECK (day BETWEEN -25567 AND 2932896),
  -- when the timer was started (Unix seconds)
  started_at       INTEGER NOT NULL,
  -- the phase (0 the warm-up walk when there is one, then each run and
  -- walk; the number of phases once it is complete) and when that phase
  -- began, moved on by the time spent paused
  phase            INTEGER NOT NULL CHECK (phase BETWEEN 0 AND 102),
  phase_started_at INTEGER NOT NULL,
  -- when it was paused, NULL while it runs
  paused_at        INTEGER,
  -- seconds of running and walking in the phases before this one
  run_seconds      INTEGER NOT NULL DEFAULT 0 CHECK (run_seconds BETWEEN 0 AND 36000),
  walk_seconds     INTEGER NOT NULL DEFAULT 0 CHECK (walk_seconds BETWEEN 0 AND 36000)
);
