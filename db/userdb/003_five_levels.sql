-- User database, version 3: five triage levels. Earlier versions had four,
-- and their 4 ("emergency now") covered both "call an ambulance" and "go to
-- an emergency department". A saved level is never shown less urgent than it
-- was: the old 4 becomes 5, "call an ambulance now". The CHECKs widen to
-- 0..5, which SQLite can only do by rebuilding the two tables (nothing
-- references them, so foreign keys stay intact).

CREATE TABLE redflag_check_v3 (
  id       INTEGER PRIMARY KEY,
  plan_id  INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  cal_day  INTEGER NOT NULL CHECK (cal_day BETWEEN -25567 AND 2932896),
  at       INTEGER NOT NULL,
  level    INTEGER NOT NULL CHECK (level BETWEEN 0 AND 5),
  answers  TEXT NOT NULL DEFAULT ''
);
INSERT INTO redflag_check_v3 (id, plan_id, cal_day, at, level, answers)
  SELECT id, plan_id, cal_day, at, CASE WHEN level = 4 THEN 5 ELSE level END, answers
  FROM redflag_check;
DROP TABLE redflag_check;
ALTER TABLE redflag_check_v3 RENAME TO redflag_check;
CREATE INDEX redflag_check_by_plan ON redflag_check (plan_id, at);

CREATE TABLE wizard_run_v3 (
  id         INTEGER PRIMARY KEY,
  profile_id INTEGER NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
  at         INTEGER NOT NULL,
  answers    TEXT NOT NULL,
  level      INTEGER NOT NULL CHECK (level BETWEEN 0 AND 5),
  causes     TEXT NOT NULL DEFAULT ''
);
INSERT INTO wizard_run_v3 (id, profile_id, at, answers, level, causes)
  SELECT id, profile_id, at, answers, CASE WHEN level = 4 THEN 5 ELSE level END, causes
  FROM wizard_run;
DROP TABLE wizard_run;
ALTER TABLE wizard_run_v3 RENAME TO wizard_run;
CREATE INDEX wizard_run_by_profile ON wizard_run (profile_id, at);
