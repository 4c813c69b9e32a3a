-- User database, version 2: indexes for the lookups the program makes on
-- every start and screen, so a profile with a long history (a thousand
-- finished plans) opens as fast as a new one. Also the first migration an
-- existing version-1 file goes through, which the tests exercise.

-- Finished plans of a profile, newest first (history, pain chart).
CREATE INDEX plan_by_profile ON plan (profile_id, ended_at);
-- Ice sessions and red-flag checks of one plan (and the cascade on delete).
CREATE INDEX ice_session_by_plan ON ice_session (plan_id, day, at);
CREATE INDEX redflag_check_by_plan ON redflag_check (plan_id, at);
-- Wizard history of a profile, newest first.
CREATE INDEX wizard_run_by_profile ON wizard_run (profile_id, at);
