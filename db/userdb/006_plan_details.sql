-- User database, version 6: what the plan needs next (issue 12, and the
-- plan engineer's next round): several pain scores a day, an ice timer that
-- survives quitting and a crash, where a plan came from, the day-3
-- readiness checks, and every check-in with the re-check a 'worse' answer
-- gets. Runs with foreign keys off and checked before the commit.

-- ---- pain: a morning and an evening score per plan day ----------------------------
-- Every score and note kept: an earlier file had one score a day, which
-- becomes the morning or the evening one by the local hour it was logged
-- (before 14:00: morning).
CREATE TABLE pain_v6 (
  plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  day     INTEGER NOT NULL CHECK (day BETWEEN 1 AND 3),
  slot    TEXT NOT NULL CHECK (slot IN ('morning', 'evening')),
  score   INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
  note    TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  at      INTEGER NOT NULL,
  late    INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
  PRIMARY KEY (plan_id, day, slot)
) WITHOUT ROWID;
INSERT INTO pain_v6 (plan_id, day, slot, score, note, at, late)
  SELECT plan_id, day,
         CASE WHEN strftime('%H', at, 'unixepoch', 'localtime') < '14' THEN 'morning'
              ELSE 'evening' END,
         score, note, at, late
  FROM pain;
DROP TABLE pain;
ALTER TABLE pain_v6 RENAME TO pain;

-- ---- the ice timer ------------------------------------------------------------------
-- One running timer per plan: the start is stored when it starts, so an
-- unfinished timer survives quitting and a crash; finishing records an
-- ice_session and deletes this row in one transaction, cancelling deletes
-- it without recording anything.
CREATE TABLE ice_timer (
  plan_id    INTEGER PRIMARY KEY REFERENCES plan (id) ON DELETE CASCADE,
  day        INTEGER NOT NULL CHECK (day BETWEEN 1 AND 3),
  started_at INTEGER NOT NULL,
  seconds    INTEGER NOT NULL CHECK (seconds BETWEEN 1 AND 3600)
);

-- ---- where a plan came from ------------------------------------------------------------
-- Its kind (the wizard cause's plan kind), the cause and the symptom check
-- it was started from; NULL for plans started before, or from Home.
ALTER TABLE plan ADD COLUMN kind TEXT CHECK (kind IN ('injury', 'overuse'));
ALTER TABLE plan ADD COLUMN cause_id TEXT
  CHECK (cause_id IS NULL OR (length(cause_id) BETWEEN 1 AND 64
                              AND cause_id NOT GLOB '*[^a-z0-9-]*'));
ALTER TABLE plan ADD COLUMN wizard_run_id INTEGER
  REFERENCES wizard_run (id) ON DELETE SET NULL;

-- ---- the day-3 readiness checks -----------------------------------------------------------
-- Each check answered (ids from the content), whether it passed, when.
CREATE TABLE plan_readiness (
  plan_id  INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  check_id TEXT NOT NULL CHECK (length(check_id) BETWEEN 1 AND 64
                                AND check_id NOT GLOB '*[^a-z0-9_-]*'),
  passed   INTEGER NOT NULL CHECK (passed IN (0, 1)),
  at       INTEGER NOT NULL,
  PRIMARY KEY (plan_id, check_id)
) WITHOUT ROWID;

-- ---- every check-in ------------------------------------------------------------------------
-- plan.checkin stays the latest answer; this keeps each one, and with a
-- 'worse' the warning-sign re-check asked then (its level 0..5 and
-- answers). Only 'worse' carries a re-check.
CREATE TABLE plan_checkin (
  id              INTEGER PRIMARY KEY,
  plan_id         INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  at              INTEGER NOT NULL,
  answer          TEXT NOT NULL CHECK (answer IN ('better', 'same', 'worse')),
  recheck_level   INTEGER CHECK (recheck_level BETWEEN 0 AND 5),
  recheck_answers TEXT CHECK (recheck_answers IS NULL OR length(recheck_answers) <= 65536),
  CHECK (recheck_level IS NULL OR answer = 'worse'),
  CHECK ((recheck_level IS NULL) = (recheck_answers IS NULL))
);
CREATE INDEX plan_checkin_by_plan ON plan_checkin (plan_id, at);
INSERT INTO plan_checkin (plan_id, at, answer)
  SELECT id, checkin_at, checkin FROM plan WHERE checkin IS NOT NULL;
