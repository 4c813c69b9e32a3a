-- User database, version 4: a place for the program's own bookkeeping about
-- the file, apart from the person's settings. First use: when the file last
-- passed an integrity check (key 'checked_at', Unix seconds), so the check
-- runs when it is worth it (after an unclean shutdown, or once a day)
-- instead of reading every page at every start.

CREATE TABLE maintenance (
  key   TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 64),
  value INTEGER NOT NULL
) WITHOUT ROWID;

-- Lists of symptom checks (`kneecare history`, the history screen) show
-- each check's level and its most likely cause. With years of weekly checks
-- reading every row's full answers and causes made the list grow with the
-- years; the most likely cause (the first line of `causes`) is now kept in
-- its own column and an index covers the whole list, so listing reads a few
-- small index pages.
ALTER TABLE wizard_run ADD COLUMN top_cause TEXT NOT NULL DEFAULT ''
  CHECK (length(top_cause) <= 1024 AND instr(top_cause, char(10)) = 0);
UPDATE wizard_run SET top_cause = substr(substr(causes, 1, instr(causes || char(10), char(10)) - 1), 1, 1024);
DROP INDEX wizard_run_by_profile;
CREATE INDEX wizard_run_list ON wizard_run (profile_id, at, id, level, top_cause);
