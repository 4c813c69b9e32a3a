-- The symptom wizard: questions, options, causes, evidence weights, vetoes,
-- engine rules, articles to read next, the location drawing, and what
-- changed since earlier question sets. Loaded by src/store/wizard_load.c
-- with db/15_triage.sql (levels and warning signs) and checked by
-- kc_wz_def_validate() and the packer. One INSERT row per line, so the
-- packer can pin a problem to its line.
--
-- Levels: 1 = self-care, 2 = soon, 3 = 24h, 4 = ed, 5 = ambulance. An
-- option that reports a warning sign names it (sign_id) and takes the
-- sign's level and source; its own level stays 0. Other options may raise
-- the level to 2 ("soon") at most, with a source. The option 'unsure'
-- always counts as its question's most urgent option ("not sure" about a
-- warning sign is a yes) and says so here by naming that sign.
--
-- Sections: 'about' (asked first), 'red-flags' (always asked; one warning
-- sign per question, any single one enough), 'injury', 'ottawa', 'story'.
-- ask_if: clauses joined by ' & ', each 'question=opt|opt' or
-- 'question!=opt|opt', naming only earlier questions.
-- provocation = 1: a test that loads the knee (hop, single-leg squat); the
-- engine never asks it after a warning sign or a 'gate' answer (an injury
-- in the last 7 days, or not sure), and it comes after every question that
-- can block it.
-- exclusive = 1: "none of these" cannot be ticked with other options.

CREATE TABLE wizard_question (
  id          TEXT PRIMARY KEY,
  position    INTEGER NOT NULL UNIQUE,
  section     TEXT NOT NULL CHECK (section IN ('about', 'red-flags', 'injury', 'ottawa', 'story')),
  text        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('one', 'many')),
  ask_if      TEXT,
  required    INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
  provocation INTEGER NOT NULL DEFAULT 0 CHECK (provocation IN (0, 1))
);

CREATE TABLE wizard_option (
  question_id TEXT NOT NULL REFERENCES wizard_question (id),
  id          TEXT NOT NULL,
  position    INTEGER NOT NULL,
  label       TEXT NOT NULL,
  sign_id     TEXT,
  level       INTEGER NOT NULL DEFAULT 0 CHECK (typeof(level) = 'integer' AND level BETWEEN 0 AND 2),
  source      TEXT CHECK ((level = 0 AND source IS NULL) OR (level > 0 AND length(source) > 0)),
  article_id  TEXT,
  exclusive   INTEGER NOT NULL DEFAULT 0 CHECK (exclusive IN (0, 1)),
  gate        INTEGER NOT NULL DEFAULT 0 CHECK (gate IN (0, 1)),
  CHECK (sign_id IS NULL OR level = 0),
  PRIMARY KEY (question_id, id)
);

-- A drawing shown with a question (the location picture), line by line, in
-- box-drawing characters and in ASCII for terminals without them.
CREATE TABLE wizard_picture (
  question_id TEXT NOT NULL REFERENCES wizard_question (id),
  charset     TEXT NOT NULL CHECK (charset IN ('box', 'ascii')),
  position    INTEGER NOT NULL,
  line        TEXT NOT NULL,
  PRIMARY KEY (question_id, charset, position)
);

-- kind: 'danger' (named by a warning sign), 'condition', 'factor' (a reason
-- for pain rather than a condition: training load, weak muscles).
-- min_level applies when the cause leads the result; action is shown with
-- the level; plan_kind ('injury', 'overuse' or NULL) and graded_return say
-- which recovery plan fits (for the plan, issue 9 and 15).
CREATE TABLE wizard_cause (
  id            TEXT PRIMARY KEY,
  position      INTEGER NOT NULL UNIQUE,
  title         TEXT NOT NULL,
  article_id    TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('danger', 'condition', 'factor')),
  min_level     INTEGER NOT NULL CHECK (typeof(min_level) = 'integer' AND min_level BETWEEN 1 AND 5),
  action        TEXT NOT NULL DEFAULT '',
  plan_kind     TEXT CHECK (plan_kind IS NULL OR plan_kind IN ('injury', 'overuse')),
  graded_return INTEGER NOT NULL DEFAULT 0 CHECK (graded_return IN (0, 1)),
  source        TEXT NOT NULL CHECK (length(source) > 0)
);

CREATE TABLE wizard_evidence (
  question_id TEXT NOT NULL,
  option_id   TEXT NOT NULL,
  cause_id    TEXT NOT NULL REFERENCES wizard_cause (id),
  weight      INTEGER NOT NULL CHECK (typeof(weight) = 'integer' AND weight <> 0 AND weight BETWEEN -100 AND 100),
  reason      TEXT NOT NULL,
  PRIMARY KEY (question_id, option_id, cause_id),
  FOREIGN KEY (question_id, option_id) REFERENCES wizard_option (question_id, id)
);

-- An answer that rules a cause out of the story's ranking.
CREATE TABLE wizard_veto (
  question_id TEXT NOT NULL,
  option_id   TEXT NOT NULL,
  cause_id    TEXT NOT NULL REFERENCES wizard_cause (id),
  reason      TEXT NOT NULL,
  PRIMARY KEY (question_id, option_id, cause_id),
  FOREIGN KEY (question_id, option_id) REFERENCES wizard_option (question_id, id)
);

-- Engine rules. 'unclear': the story names a "most likely" cause only when
-- it scores at least min_score and every cause competing with it is at
-- least margin behind; otherwise the result says the answers do not point
-- clearly to one cause and gives this rule's level. A story cause is listed
-- at all only with a score of at least list_score (one weak hint, worth 1
-- or 2, is not a suggestion).
CREATE TABLE wizard_rule (
  id        TEXT PRIMARY KEY,
  level     INTEGER NOT NULL CHECK (typeof(level) = 'integer' AND level BETWEEN 0 AND 2),
  text      TEXT NOT NULL,
  source    TEXT CHECK (level = 0 OR length(source) > 0),
  min_score INTEGER NOT NULL DEFAULT 0,
  margin    INTEGER NOT NULL DEFAULT 0,
  list_score INTEGER NOT NULL DEFAULT 1
);

-- Articles suggested for a result of each level, in order.
CREATE TABLE wizard_read (
  level      INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  position   INTEGER NOT NULL,
  article_id TEXT NOT NULL,
  PRIMARY KEY (level, article_id)
);

-- What changed since earlier question sets, quoted when an answers file
-- written for one uses an id that is gone (or leaves out a new question).
CREATE TABLE wizard_change (
  question_id TEXT NOT NULL,
  option_id   TEXT,
  note        TEXT NOT NULL
);


-- ===========================================================================
-- About you: asked first (the child questions and the Ottawa age rule need the age).
-- ===========================================================================
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('age', 10, 'about', 'How old are you? (If you are answering for a child, give the child''s age.)', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('age', 'under-16', 1, 'Under 16', NULL, 2, 'NHS South Devon and Torbay, Knee pain and management in adults (referral guidance) - https://southwest.devonformularyguidance.nhs.uk/referral-guidance/south-devon-torbay/musculoskeletal-joint-disorders/knee-pain (checked 2026-11-30) ; Matava MJ et al., Knee pain as the initial symptom of slipped capital femoral epiphysis, J Pediatr Orthop 1999 - https://pubmed.ncbi.nlm.nih.gov/10412993/ (checked 2026-11-30)', NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('age', '16-29', 2, '16 to 29', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('age', '30-44', 3, '30 to 44', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('age', '45-54', 4, '45 to 54', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('age', '55-plus', 5, '55 or over', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('side', 20, 'about', 'Which knee hurts?', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('side', 'left', 1, 'The left knee', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('side', 'right', 2, 'The right knee', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('side', 'both', 3, 'Both knees', NULL, 0, NULL, NULL, 0, 0);

-- ===========================================================================
-- Warning signs, most urgent first: one sign per question, any single one enough.
-- ===========================================================================
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('rf-chest', 30, 'red-flags', 'Are you suddenly short of breath, or do you have chest pain that is worse when you breathe in, or have you coughed up blood or fainted?', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-chest', 'yes', 1, 'Yes', 'breathless-chest', 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-chest', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-chest', 'unsure', 3, 'Not sure', 'breathless-chest', 0, NULL, NULL, 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('rf-foot-cold', 40, 'red-flags', 'Is the foot on that side cold, pale or blue compared with the other foot?', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-foot-cold', 'yes', 1, 'Yes', 'foot-cold-pale', 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-foot-cold', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-foot-cold', 'unsure', 3, 'Not sure', 'foot-cold-pale', 0, NULL, NULL, 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('rf-deformed', 50, 'red-flags', 'Does the knee or the kneecap look out of place, or does the leg bend at a strange angle? (Swelling alone does not count.)', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-deformed', 'yes', 1, 'Yes', 'deformed', 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-deformed', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-deformed', 'unsure', 3, 'Not sure', 'deformed', 0, NULL, NULL, 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('rf-wound', 60, 'red-flags', 'Is there a cut or wound over the knee that may go into the joint?', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-wound', 'yes', 1, 'Yes', 'open-wound', 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-wound', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-wound', 'unsure', 3, 'Not sure', 'open-wound', 0, NULL, NULL, 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('rf-no-weight', 70, 'red-flags', 'Are you unable to put weight on the leg or to take four steps on it? (Limping still counts as walking.)', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-no-weight', 'yes', 1, 'Yes', 'cannot-bear-weight', 0, NULL, 'ottawa-knee-rules', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-no-weight', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-no-weight', 'unsure', 3, 'Not sure', 'cannot-bear-weight', 0, NULL, 'ottawa-knee-rules', 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('rf-foot-numb', 80, 'red-flags', 'Since this knee problem started, has your foot or lower leg become numb or tingly, or can you no longer lift your toes?', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-foot-numb', 'yes', 1, 'Yes', 'foot-numb', 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-foot-numb', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-foot-numb', 'unsure', 3, 'Not sure', 'foot-numb', 0, NULL, NULL, 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('rf-kneecap-out', 90, 'red-flags', 'In the last few days, has your kneecap slipped out of place, even if it went back by itself?', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-kneecap-out', 'first', 1, 'Yes, for the first time', 'kneecap-first-out', 0, NULL, 'kneecap-dislocation', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-kneecap-out', 'again', 2, 'Yes, and it has happened before', 'kneecap-recurrent-out', 0, NULL, 'kneecap-dislocation', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-kneecap-out', 'no', 3, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-kneecap-out', 'unsure', 4, 'Not sure', 'kneecap-first-out', 0, NULL, 'kneecap-dislocation', 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('rf-locked', 100, 'red-flags', 'Is the knee locked: stuck bent so that you cannot straighten it (not just stiff)?', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-locked', 'yes', 1, 'Yes', 'locked', 0, NULL, 'clicking-locking-giving-way', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-locked', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-locked', 'unsure', 3, 'Not sure', 'locked', 0, NULL, 'clicking-locking-giving-way', 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('rf-fever', 110, 'red-flags', 'Do you have a fever, or feel hot and shivery or generally unwell, while the knee is swollen, hot or very painful?', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-fever', 'yes', 1, 'Yes', 'fever-knee', 0, NULL, 'hot-swollen-knee', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-fever', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-fever', 'unsure', 3, 'Not sure', 'fever-knee', 0, NULL, 'hot-swollen-knee', 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('rf-cannot-straighten', 120, 'red-flags', 'After a fall, a stumble or an awkward landing, are you unable to straighten the knee or to lift the leg with the knee straight, or is there a gap just above or below the kneecap?', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-cannot-straighten', 'yes', 1, 'Yes', 'tendon-rupture', 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-cannot-straighten', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-cannot-straighten', 'unsure', 3, 'Not sure', 'tendon-rupture', 0, NULL, NULL, 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('rf-thinners', 130, 'red-flags', 'Do you take a blood thinner (such as warfarin, apixaban, rivaroxaban, edoxaban, dabigatran or heparin injections) or have a bleeding disorder, and has the knee swollen up? (Aspirin or clopidogrel alone do not count here.)', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-thinners', 'yes', 1, 'Yes', 'blood-thinner-swelling', 0, NULL, 'swelling-timing', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-thinners', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-thinners', 'unsure', 3, 'Not sure', 'blood-thinner-swelling', 0, NULL, 'swelling-timing', 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('rf-calf', 140, 'red-flags', 'Is one calf swollen, warm, red or darker than the other, or does it have a throbbing or cramping pain? (Redness can be hard to see on brown or black skin.)', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-calf', 'yes', 1, 'Yes', 'calf-clot', 0, NULL, 'hot-swollen-knee', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-calf', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-calf', 'unsure', 3, 'Not sure', 'calf-clot', 0, NULL, 'hot-swollen-knee', 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('rf-hot-knee', 150, 'red-flags', 'Is the knee hot and swollen? (It may or may not look red.)', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-hot-knee', 'yes', 1, 'Yes', 'hot-swollen', 0, NULL, 'hot-swollen-knee', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-hot-knee', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-hot-knee', 'unsure', 3, 'Not sure', 'hot-swollen', 0, NULL, 'hot-swollen-knee', 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('rf-fast-swelling', 160, 'red-flags', 'In the last few days, did the knee swell up a lot within a few hours of a pop, a twist or a blow?', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-fast-swelling', 'yes', 1, 'Yes', 'fast-swelling', 0, NULL, 'swelling-timing', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-fast-swelling', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-fast-swelling', 'unsure', 3, 'Not sure', 'fast-swelling', 0, NULL, 'swelling-timing', 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('rf-rest-pain', 170, 'red-flags', 'Is the pain so bad, even when you rest with no weight on the leg, that you cannot get comfortable?', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-rest-pain', 'yes', 1, 'Yes', 'rest-pain', 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-rest-pain', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-rest-pain', 'unsure', 3, 'Not sure', 'rest-pain', 0, NULL, NULL, 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('rf-night', 180, 'red-flags', 'Do you have constant pain at night that does not ease, whatever position you lie in?', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-night', 'yes', 1, 'Yes', 'night-pain', 0, NULL, 'stiffness-and-night-pain', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-night', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-night', 'unsure', 3, 'Not sure', 'night-pain', 0, NULL, 'stiffness-and-night-pain', 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('rf-lump', 190, 'red-flags', 'Have you found a new hard lump on or near the knee bone?', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-lump', 'yes', 1, 'Yes', 'hard-lump', 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-lump', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-lump', 'unsure', 3, 'Not sure', 'hard-lump', 0, NULL, NULL, 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('rf-weight-loss', 200, 'red-flags', 'Since the pain started, have you lost weight without trying, or kept feeling unwell or feverish?', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-weight-loss', 'yes', 1, 'Yes', 'weight-loss-unwell', 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-weight-loss', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-weight-loss', 'unsure', 3, 'Not sure', 'weight-loss-unwell', 0, NULL, NULL, 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('rf-groin', 210, 'red-flags', 'Do you have pain in the groin or hip (it may spread to the thigh or knee) that gets worse with each run, or now hurts when you walk?', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-groin', 'yes', 1, 'Yes', 'hip-groin-running', 0, NULL, 'pain-from-outside-knee', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-groin', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-groin', 'unsure', 3, 'Not sure', 'hip-groin-running', 0, NULL, 'pain-from-outside-knee', 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('rf-child-hip', 220, 'red-flags', 'Is the child limping, walking with a foot turned out, or does it hurt when the hip moves?', 'one', 'age=under-16', 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-child-hip', 'yes', 1, 'Yes', 'child-hip', 0, NULL, 'pain-from-outside-knee', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-child-hip', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('rf-child-hip', 'unsure', 3, 'Not sure', 'child-hip', 0, NULL, 'pain-from-outside-knee', 0, 0);

-- ===========================================================================
-- Injury, then the Ottawa knee rules (clinical notes 2.2): after an injury in the last week, any one means an X-ray today.
-- ===========================================================================
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('injury', 230, 'injury', 'Did the pain start with an injury: a fall, a stumble, a twist, an awkward landing or a blow to the knee?', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('injury', 'recent', 1, 'Yes, in the last 7 days', NULL, 0, NULL, NULL, 0, 1);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('injury', 'weeks', 2, 'Yes, 1 to 6 weeks ago', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('injury', 'older', 3, 'Yes, more than 6 weeks ago', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('injury', 'no', 4, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('injury', 'unsure', 5, 'Not sure', NULL, 0, NULL, NULL, 0, 1);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('ot-kneecap', 240, 'ottawa', 'Press gently on the kneecap itself. Is it tender?', 'one', 'injury=recent|unsure', 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('ot-kneecap', 'yes', 1, 'Yes', 'ottawa-kneecap', 0, NULL, 'ottawa-knee-rules', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('ot-kneecap', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('ot-kneecap', 'unsure', 3, 'Not sure', 'ottawa-kneecap', 0, NULL, 'ottawa-knee-rules', 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('ot-other-bone', 250, 'ottawa', 'Press gently along the other bones around the knee: the bottom of the thigh bone and the top of the shin bone. Is one spot on the bone tender?', 'one', 'injury=recent|unsure', 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('ot-other-bone', 'yes', 1, 'Yes', 'ottawa-other-bone', 0, NULL, 'ottawa-knee-rules', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('ot-other-bone', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('ot-other-bone', 'unsure', 3, 'Not sure', 'ottawa-other-bone', 0, NULL, 'ottawa-knee-rules', 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('ot-fibula', 260, 'ottawa', 'Is the bony bump on the outer side of the leg, just below the knee, tender when you press on it?', 'one', 'injury=recent|unsure', 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('ot-fibula', 'yes', 1, 'Yes', 'ottawa-fibula', 0, NULL, 'ottawa-knee-rules', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('ot-fibula', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('ot-fibula', 'unsure', 3, 'Not sure', 'ottawa-fibula', 0, NULL, 'ottawa-knee-rules', 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('ot-can-bend', 270, 'ottawa', 'Can you bend the knee to a right angle, as when sitting on a chair?', 'one', 'injury=recent|unsure', 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('ot-can-bend', 'yes', 1, 'Yes', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('ot-can-bend', 'no', 2, 'No', 'ottawa-bend', 0, NULL, 'ottawa-knee-rules', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('ot-can-bend', 'unsure', 3, 'Not sure', 'ottawa-bend', 0, NULL, 'ottawa-knee-rules', 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('ot-excluded', 280, 'ottawa', 'Does any of these apply: a knee replacement in this knee, numb feet from nerve damage (for example from diabetes), a condition that makes your bones break easily (such as osteoporosis), or drink or drugs at the time of the injury?', 'one', 'injury=recent|unsure', 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('ot-excluded', 'yes', 1, 'Yes', 'ottawa-excluded', 0, NULL, 'ottawa-knee-rules', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('ot-excluded', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('ot-excluded', 'unsure', 3, 'Not sure', 'ottawa-excluded', 0, NULL, 'ottawa-knee-rules', 0, 0);

-- ===========================================================================
-- The story (clinical notes 3): what tells the causes apart. The tests that load the knee come last.
-- ===========================================================================
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('mechanism', 290, 'story', 'How did the injury happen?', 'one', 'injury=recent|weeks|older|unsure', 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('mechanism', 'twist', 1, 'I twisted on a planted foot with the knee bent', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('mechanism', 'pop', 2, 'I felt or heard a pop when landing, turning or stopping suddenly', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('mechanism', 'blow-outer', 3, 'A blow or force on the outer side pushed the knee inwards', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('mechanism', 'landing', 4, 'I landed awkwardly from a jump, a step or a kerb', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('mechanism', 'fall', 5, 'I fell onto the front of the knee, or something hit it there', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('mechanism', 'kneecap-out', 6, 'The kneecap went out to the side', NULL, 0, NULL, 'kneecap-dislocation', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('mechanism', 'other', 7, 'Something else', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('mechanism', 'unsure', 8, 'I am not sure', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('onset', 300, 'story', 'How did the pain start?', 'one', 'injury=no|unsure', 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('onset', 'training-change', 1, 'Gradually, after a change in my running (more distance, hills, speed, new shoes or a new route)', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('onset', 'gradual', 2, 'Gradually, for no clear reason', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('onset', 'sudden', 3, 'Suddenly, over a few hours, without any injury', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('onset', 'returned', 4, 'It came back: I have had this pain before', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('change', 310, 'story', 'What changed in your running? (choose all that apply)', 'many', 'onset=training-change', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('change', 'distance', 1, 'More distance or more runs a week', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('change', 'hills', 2, 'More hills', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('change', 'speed', 3, 'Faster running or more interval sessions', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('change', 'jumping', 4, 'More jumping, bounding or hill sprints', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('change', 'shoes', 5, 'New shoes', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('change', 'surface', 6, 'A new route or surface (sloping roads, always the same way round a track)', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('change', 'comeback', 7, 'Coming back after a break or an illness', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('location', 320, 'story', 'Where exactly is the pain? Point to it with one finger if you can, and find its letter on the drawing.', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('location', 'kneecap', 1, 'A  Front: around or behind the kneecap', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('location', 'inner-front', 2, 'B  At the inner edge of the kneecap', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('location', 'inner-joint-line', 3, 'C  Inner side, on the joint line (the soft groove between thigh bone and shin bone)', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('location', 'inner-below', 4, 'D  Inner side, a few centimetres below the joint (top of the shin)', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('location', 'below-kneecap', 5, 'E  Just below the kneecap, at the front', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('location', 'behind', 6, 'F  Behind the knee', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('location', 'outer', 7, 'G  On the outer side of the knee', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('location', 'hip-groin-thigh', 8, 'H  In the hip, groin or thigh, and felt in the knee', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('location', 'all-over', 9, 'I  All over the knee, or deep inside it', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_picture (question_id, charset, position, line) VALUES ('location', 'box', 1, '       FRONT             INNER SIDE              BACK');
INSERT INTO wizard_picture (question_id, charset, position, line) VALUES ('location', 'box', 2, '  outer     inner      front      back      inner     outer');
INSERT INTO wizard_picture (question_id, charset, position, line) VALUES ('location', 'box', 3, ' ┌───────────────┐    ┌───────────────┐    ┌───────────────┐');
INSERT INTO wizard_picture (question_id, charset, position, line) VALUES ('location', 'box', 4, ' │     thigh     │    │     thigh     │    │     thigh     │');
INSERT INTO wizard_picture (question_id, charset, position, line) VALUES ('location', 'box', 5, ' │     ╭───╮     │    │ B             │    │               │');
INSERT INTO wizard_picture (question_id, charset, position, line) VALUES ('location', 'box', 6, ' │  G  │ A │ B   │    ├─C─────────────┤    │       F       │');
INSERT INTO wizard_picture (question_id, charset, position, line) VALUES ('location', 'box', 7, ' │     ╰───╯     │    │ E     D       │    │               │');
INSERT INTO wizard_picture (question_id, charset, position, line) VALUES ('location', 'box', 8, ' │       E       │    │     shin      │    │     calf      │');
INSERT INTO wizard_picture (question_id, charset, position, line) VALUES ('location', 'box', 9, ' └───────────────┘    └───────────────┘    └───────────────┘');
INSERT INTO wizard_picture (question_id, charset, position, line) VALUES ('location', 'box', 10, ' H = hip, groin or thigh          I = all over, or deep inside');
INSERT INTO wizard_picture (question_id, charset, position, line) VALUES ('location', 'ascii', 1, '       FRONT             INNER SIDE              BACK');
INSERT INTO wizard_picture (question_id, charset, position, line) VALUES ('location', 'ascii', 2, '  outer     inner      front      back      inner     outer');
INSERT INTO wizard_picture (question_id, charset, position, line) VALUES ('location', 'ascii', 3, ' +---------------+    +---------------+    +---------------+');
INSERT INTO wizard_picture (question_id, charset, position, line) VALUES ('location', 'ascii', 4, ' |     thigh     |    |     thigh     |    |     thigh     |');
INSERT INTO wizard_picture (question_id, charset, position, line) VALUES ('location', 'ascii', 5, ' |     .---.     |    | B             |    |               |');
INSERT INTO wizard_picture (question_id, charset, position, line) VALUES ('location', 'ascii', 6, ' |  G  | A | B   |    +-C-------------+    |       F       |');
INSERT INTO wizard_picture (question_id, charset, position, line) VALUES ('location', 'ascii', 7, ' |     ''---''     |    | E     D       |    |               |');
INSERT INTO wizard_picture (question_id, charset, position, line) VALUES ('location', 'ascii', 8, ' |       E       |    |     shin      |    |     calf      |');
INSERT INTO wizard_picture (question_id, charset, position, line) VALUES ('location', 'ascii', 9, ' +---------------+    +---------------+    +---------------+');
INSERT INTO wizard_picture (question_id, charset, position, line) VALUES ('location', 'ascii', 10, ' H = hip, groin or thigh          I = all over, or deep inside');
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('feel', 330, 'story', 'What does the pain feel like? (choose all that apply)', 'many', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('feel', 'dull-ache', 1, 'A dull ache', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('feel', 'sharp', 2, 'Sharp, with certain movements', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('feel', 'throbbing', 3, 'Throbbing', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('feel', 'burning', 4, 'Burning or stinging', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('feel', 'numb', 5, 'A numb patch, or pins and needles, on the inner side of the knee', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('feel', 'grinding', 6, 'Grinding or grating under the kneecap', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('worse', 340, 'story', 'What makes it worse? (choose all that apply)', 'many', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('worse', 'stairs-up', 1, 'Going up stairs', NULL, 0, NULL, 'stairs-sitting-standing', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('worse', 'stairs-down', 2, 'Going down stairs', NULL, 0, NULL, 'stairs-sitting-standing', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('worse', 'squatting', 3, 'Squatting', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('worse', 'kneeling', 4, 'Kneeling', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('worse', 'sitting', 5, 'Sitting for a long time with the knee bent', NULL, 0, NULL, 'stairs-sitting-standing', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('worse', 'standing-up', 6, 'Standing up from a chair', NULL, 0, NULL, 'stairs-sitting-standing', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('worse', 'walking', 7, 'Walking on the flat', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('worse', 'running', 8, 'Running', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('worse', 'downhill', 9, 'Running downhill', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('worse', 'jumping', 10, 'Jumping', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('worse', 'pivoting', 11, 'Twisting or turning on the leg', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('worse', 'night', 12, 'At night, in bed', NULL, 0, NULL, 'stiffness-and-night-pain', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('worse', 'morning', 13, 'First thing in the morning', NULL, 0, NULL, 'stiffness-and-night-pain', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('worse', 'nothing', 14, 'Nothing in particular', NULL, 0, NULL, NULL, 1, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('run', 350, 'story', 'How does running affect it?', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('run', 'same-point', 1, 'It starts at about the same point in every run and eases soon after I stop', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('run', 'after', 2, 'It aches during or after runs, more after long or hilly ones, and settles between runs', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('run', 'getting-worse', 3, 'It comes earlier in every run, and now it hurts when I walk or rest', NULL, 2, 'American Family Physician, Proximal tibial stress fracture (2007) - https://www.aafp.org/pubs/afp/issues/2007/0715/p277.html (checked 2026-11-30) ; Kahanov L et al., Diagnosis, treatment, and rehabilitation of stress fractures in the lower extremity in runners, Open Access J Sports Med 2015 - https://www.dovepress.com/diagnosis-treatment-and-rehabilitation-of-stress-fractures-in-the-lowe-peer-reviewed-fulltext-article-OAJSM (checked 2026-11-30)', NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('run', 'no-change', 4, 'Running does not change it', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('run', 'not-running', 5, 'I have not run since it started', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('swelling', 360, 'story', 'Is the knee swollen?', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('swelling', 'none', 1, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('swelling', 'fast', 2, 'Yes, it swelled within a few hours of an injury', 'fast-swelling', 0, NULL, 'swelling-timing', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('swelling', 'slow', 3, 'Yes, it swelled slowly over a day or so after an injury', NULL, 0, NULL, 'swelling-timing', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('swelling', 'no-injury', 4, 'Yes, it swells without any injury', NULL, 0, NULL, 'swelling-timing', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('swelling', 'below-joint', 5, 'Only a soft swelling just below the joint on the inner side', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('swelling', 'behind', 6, 'A lump or swelling behind the knee', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('swelling', 'bump', 7, 'A hard, tender bump just below the kneecap', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('swelling', 'dont-know', 8, 'I am not sure', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('mechanical', 370, 'story', 'Does the knee click, catch, lock or give way? (choose all that apply)', 'many', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('mechanical', 'clicking', 1, 'It clicks or snaps, without pain', NULL, 0, NULL, 'clicking-locking-giving-way', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('mechanical', 'painful-clicking', 2, 'It clicks, and the click hurts', 'painful-clicking', 0, NULL, 'clicking-locking-giving-way', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('mechanical', 'catching', 3, 'Something catches inside it', NULL, 0, NULL, 'clicking-locking-giving-way', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('mechanical', 'locking', 4, 'It locks for a moment, then frees up', 'locks-briefly', 0, NULL, 'clicking-locking-giving-way', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('mechanical', 'giving-way', 5, 'It gives way or buckles', 'gives-way', 0, NULL, 'clicking-locking-giving-way', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('mechanical', 'none', 6, 'None of these', NULL, 0, NULL, NULL, 1, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('stiffness', 380, 'story', 'When you get up in the morning, how long is the knee stiff?', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('stiffness', 'none', 1, 'It is not stiff', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('stiffness', 'short', 2, 'Less than 30 minutes', NULL, 0, NULL, 'stiffness-and-night-pain', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('stiffness', 'medium', 3, '30 to 60 minutes', NULL, 0, NULL, 'stiffness-and-night-pain', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('stiffness', 'long', 4, 'More than an hour', NULL, 0, NULL, 'stiffness-and-night-pain', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('stiffness', 'after-sitting', 5, 'It is stiff only after sitting still for a while', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('stiffness', 'dont-know', 6, 'I do not know', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('joints', 390, 'story', 'Do other joints, or your back, hurt or swell too? (choose all that apply)', 'many', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('joints', 'hands-feet', 1, 'Small joints of the hands, wrists or feet', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('joints', 'hip', 2, 'A hip', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('joints', 'back', 3, 'My lower back, or pain or tingling running down the leg', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('joints', 'other-large', 4, 'Other large joints (ankles, elbows or shoulders)', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('joints', 'none', 5, 'No, only the knee', NULL, 0, NULL, NULL, 1, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('duration', 400, 'story', 'How long have you had this pain?', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('duration', 'under-3-days', 1, 'Less than 3 days', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('duration', '3-days-2-weeks', 2, '3 days to 2 weeks', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('duration', '2-6-weeks', 3, '2 to 6 weeks', NULL, 2, 'NHS, Sprains and strains - https://www.nhs.uk/conditions/sprains-and-strains/ (checked 2026-11-30) ; University Hospitals of Morecambe Bay NHS Foundation Trust, Knee pain - https://www.uhmb.nhs.uk/our-services/services/musculoskeletal-msk-physiotherapy/musculoskeletal-msk-pain/knee-pain (checked 2026-11-30)', 'not-getting-better', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('duration', 'over-6-weeks', 4, 'More than 6 weeks', NULL, 2, 'NHS, Sprains and strains - https://www.nhs.uk/conditions/sprains-and-strains/ (checked 2026-11-30) ; University Hospitals of Morecambe Bay NHS Foundation Trust, Knee pain - https://www.uhmb.nhs.uk/our-services/services/musculoskeletal-msk-physiotherapy/musculoskeletal-msk-pain/knee-pain (checked 2026-11-30)', 'not-getting-better', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('duration', 'comes-back', 5, 'It keeps coming back', NULL, 2, 'NHS, Sprains and strains - https://www.nhs.uk/conditions/sprains-and-strains/ (checked 2026-11-30) ; University Hospitals of Morecambe Bay NHS Foundation Trust, Knee pain - https://www.uhmb.nhs.uk/our-services/services/musculoskeletal-msk-physiotherapy/musculoskeletal-msk-pain/knee-pain (checked 2026-11-30)', 'not-getting-better', 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('home-care', 410, 'story', 'Have you already looked after it at home (rest, ice, easier running) for 3 days or more?', 'one', NULL, 1, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('home-care', 'not-yet', 1, 'No, not yet', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('home-care', 'easing', 2, 'Yes, and it is easing', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('home-care', 'not-better', 3, 'Yes, and it is not getting better', NULL, 2, 'MedlinePlus (US National Library of Medicine), Knee pain: when to contact a medical professional - https://medlineplus.gov/ency/article/003187.htm (checked 2026-11-30) ; NHS, Sprains and strains - https://www.nhs.uk/conditions/sprains-and-strains/ (checked 2026-11-30)', 'not-getting-better', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('home-care', 'worse', 4, 'Yes, and it is getting worse', 'getting-worse', 0, NULL, 'not-getting-better', 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('hop', 420, 'story', 'Stand on that leg and hop gently once or twice. Does it hurt at one spot on the bone?', 'one', NULL, 1, 1);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('hop', 'yes', 1, 'Yes', 'shin-bone-tender', 0, NULL, 'tibial-stress-fracture', 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('hop', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('hop', 'not-tried', 3, 'I did not try', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('hop', 'too-painful', 4, 'It hurts too much to try', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required, provocation) VALUES ('control', 430, 'story', 'Stand on that leg and bend the knee a little (a small single-leg squat). Does the knee drop inwards, or does the leg feel weak?', 'one', NULL, 1, 1);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('control', 'yes', 1, 'Yes', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('control', 'no', 2, 'No', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('control', 'not-tried', 3, 'I did not try', NULL, 0, NULL, NULL, 0, 0);
INSERT INTO wizard_option (question_id, id, position, label, sign_id, level, source, article_id, exclusive, gate) VALUES ('control', 'too-painful', 4, 'It hurts too much to try', NULL, 0, NULL, NULL, 0, 0);

-- ===========================================================================
-- Causes, each with its article. Dangers first, then conditions, then factors.
-- ===========================================================================
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('pulmonary-embolism', 1, 'Possible blood clot in the lungs (pulmonary embolism)', 'calf-pain-and-clots', 'danger', 5, '', NULL, 0, 'NHS, Deep vein thrombosis (DVT) - https://www.nhs.uk/conditions/deep-vein-thrombosis-dvt/ (checked 2026-11-30) ; NICE, Venous thromboembolic diseases: diagnosis, management and thrombophilia testing (NG158) - https://www.nice.org.uk/guidance/ng158 (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('fracture-dislocation', 2, 'Possible broken bone or dislocated knee', 'broken-bones-and-bruising', 'danger', 5, 'Keep the leg still; do not try to straighten it or push anything back.', NULL, 0, 'NHS Gloucestershire G-care, Knee pathway: red flags for knee conditions - https://g-care.glos.nhs.uk/pathway/58/resource/3 (checked 2026-11-30) ; McKee L et al., Current concepts in acute knee dislocation: the missed diagnosis?, Open Orthop J 2014 - https://pmc.ncbi.nlm.nih.gov/articles/PMC4110394 (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('open-joint-wound', 3, 'A wound that may go into the knee joint (it can let in infection)', 'joint-infection', 'danger', 5, '', NULL, 0, 'NHS, Septic arthritis - https://www.nhs.uk/conditions/septic-arthritis/ (checked 2026-11-30) ; NHS Gloucestershire G-care, Knee pathway: red flags for knee conditions - https://g-care.glos.nhs.uk/pathway/58/resource/3 (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('nerve-vessel-injury', 4, 'Possible injury to a nerve or blood vessel at the knee', 'broken-bones-and-bruising', 'danger', 4, '', NULL, 0, 'McKee L et al., Current concepts in acute knee dislocation: the missed diagnosis?, Open Orthop J 2014 - https://pmc.ncbi.nlm.nih.gov/articles/PMC4110394 (checked 2026-11-30) ; NHS Gloucestershire G-care, Knee pathway: red flags for knee conditions - https://g-care.glos.nhs.uk/pathway/58/resource/3 (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('fracture', 5, 'Possible broken bone', 'broken-bones-and-bruising', 'danger', 4, 'You need an X-ray today; keep weight off the leg until then.', 'injury', 0, 'Stiell IG et al., Derivation of a decision rule for the use of radiography in acute knee injuries, Ann Emerg Med 1995 - https://pubmed.ncbi.nlm.nih.gov/7574120/ (checked 2026-11-30) ; American Family Physician, Knee pain in adults and adolescents: the initial evaluation (2018) - https://www.aafp.org/pubs/afp/issues/2018/1101/p576.html (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('joint-infection', 6, 'Possible infection in the knee joint (septic arthritis)', 'joint-infection', 'danger', 4, 'An infected joint is treated in hospital, and the sooner the better.', NULL, 0, 'NHS, Septic arthritis - https://www.nhs.uk/conditions/septic-arthritis/ (checked 2026-11-30) ; Patient.info (professional), Hot swollen joints - https://patient.info/doctor/hot-swollen-joints (checked 2026-11-30) ; Versus Arthritis, Septic arthritis - https://www.versusarthritis.org/about-arthritis/conditions/septic-arthritis/ (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('tendon-rupture', 7, 'Possible torn tendon above or below the kneecap', 'tendon-rupture', 'danger', 4, 'A torn tendon usually needs an operation, best done soon after the injury.', NULL, 0, 'StatPearls (NCBI Bookshelf), Quadriceps tendon rupture - https://www.ncbi.nlm.nih.gov/books/NBK482389/ (checked 2026-11-30) ; Arthroscopy (2022), Repair of quadriceps and patellar tendon tears - https://pubmed.ncbi.nlm.nih.gov/36332853/ (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('locked-knee', 8, 'Locked knee (a torn flap of cartilage or a loose piece caught in the joint)', 'clicking-locking-giving-way', 'danger', 4, '', NULL, 0, 'NHS Gloucestershire G-care, Knee pathway: red flags for knee conditions - https://g-care.glos.nhs.uk/pathway/58/resource/3 (checked 2026-11-30) ; NHS South Devon and Torbay, Knee pain and management in adults (referral guidance) - https://southwest.devonformularyguidance.nhs.uk/referral-guidance/south-devon-torbay/musculoskeletal-joint-disorders/knee-pain (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('dvt', 9, 'Possible blood clot in the leg (DVT) or a burst Baker''s cyst', 'calf-pain-and-clots', 'danger', 3, 'A scan is needed to tell a clot from a burst cyst.', NULL, 0, 'NHS, Deep vein thrombosis (DVT) - https://www.nhs.uk/conditions/deep-vein-thrombosis-dvt/ (checked 2026-11-30) ; University College London Hospitals NHS Foundation Trust, Deep vein thrombosis - https://uclh.nhs.uk/patients-and-visitors/patient-information-pages/deep-vein-thrombosis (checked 2026-11-30) ; Postgraduate Medical Journal, Ruptured Baker''s cyst mimicking deep vein thrombosis - https://pmj.bmj.com/content/78/919/304.1 (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('bleeding-into-joint', 10, 'Bleeding into the knee joint (often a torn ligament, a broken bone or a kneecap that slipped out)', 'swelling-timing', 'danger', 3, '', 'injury', 0, 'NHS Gloucestershire G-care, Knee pathway for ligament injuries - https://g-care.glos.nhs.uk/pathway/57/resource/3 (checked 2026-11-30) ; East Lancashire Hospitals NHS Trust, Traumatic knee injury - https://elht.nhs.uk/services/integrated-msk-pain-and-rheumatology-service/traumatic-knee-injury (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('serious-injury-or-infection', 11, 'Severe pain at rest: a serious injury or an infection must be ruled out', 'red-flags', 'danger', 3, '', NULL, 0, 'MedlinePlus (US National Library of Medicine), Knee pain: when to contact a medical professional - https://medlineplus.gov/ency/article/003187.htm (checked 2026-11-30) ; NHS Gloucestershire G-care, Knee pathway: red flags for knee conditions - https://g-care.glos.nhs.uk/pathway/58/resource/3 (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('bone-problem', 12, 'A bone problem that needs checking (such as an infection or a growth in the bone)', 'bone-problems-to-check', 'danger', 3, '', NULL, 0, 'NHS Cornwall and Isles of Scilly, Referral criteria: chronic inflammatory knee pain (red flags) - https://rms.cornwall.nhs.uk/rms/primary_care_clinical_referral_criteria/primary_care_clinical_referral_criteria/orthopaedics/rms/primary_care_clinical_referral_criteria/primary_care_clinical_referral_criteria/orthopaedics/knee/chronic_inflammatory_knee_pain (checked 2026-11-30) ; NHS, Bone cancer: symptoms - https://www.nhs.uk/conditions/bone-cancer/symptoms (checked 2026-11-30) ; NHS Healthier Together, Osteomyelitis (bone infection): advice for parents - https://www.what0-18.nhs.uk/professionals/hospital-staff/safety-netting-documents-parents/illnesses-being-treated-antibiotics/osteomyelitis-being-treated-antibiotics (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('hip-stress-fracture', 13, 'Possible stress fracture of the hip (the neck of the thigh bone)', 'hip-stress-fracture', 'danger', 3, 'Stop running now and keep weight off the leg: use crutches if walking hurts.', NULL, 0, 'Robertson GA and Wood AM, Femoral neck stress fractures in sport: a current concepts review, Sports Med Int Open 2017 - https://pmc.ncbi.nlm.nih.gov/articles/PMC6226070/ (checked 2026-11-30) ; Kahanov L et al., Diagnosis, treatment, and rehabilitation of stress fractures in the lower extremity in runners, Open Access J Sports Med 2015 - https://www.dovepress.com/diagnosis-treatment-and-rehabilitation-of-stress-fractures-in-the-lowe-peer-reviewed-fulltext-article-OAJSM (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('child-hip', 14, 'Possible hip problem in a child (a slipped growth plate or Perthes disease)', 'knee-pain-children', 'danger', 3, 'Keep the child off the leg and away from sport until a doctor has checked the hip.', NULL, 0, 'Matava MJ et al., Knee pain as the initial symptom of slipped capital femoral epiphysis, J Pediatr Orthop 1999 - https://pubmed.ncbi.nlm.nih.gov/10412993/ (checked 2026-11-30) ; StatPearls, Slipped capital femoral epiphysis - https://statpearls.com/articlelibrary/viewarticle/29145 (checked 2026-11-30) ; Patient.info, Perthes'' disease - https://patient.info/health/perthes-disease-leaflet (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('not-settling', 15, 'Getting worse despite home care: the knee needs examining', 'not-getting-better', 'danger', 3, 'Stop running until it has been examined.', NULL, 0, 'MedlinePlus (US National Library of Medicine), Knee pain: when to contact a medical professional - https://medlineplus.gov/ency/article/003187.htm (checked 2026-11-30) ; East Lancashire Hospitals NHS Trust, Knee pain not caused by an accident or injury - https://elht.nhs.uk/services/integrated-msk-pain-and-rheumatology-service/how-access-our-service/knee-pain-not-caused-accident-or-injury (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('runners-knee', 16, 'Runner''s knee (pain around or behind the kneecap)', 'runners-knee', 'condition', 1, 'Ease off running, hills and deep bending for now, then build up slowly; strengthen the hips and thighs.', 'overuse', 1, 'Willy RW et al., Patellofemoral pain: clinical practice guidelines, JOSPT 2019 - https://www.jospt.org/doi/10.2519/jospt.2019.0302 (checked 2026-11-30) ; Crossley KM et al., 2016 Patellofemoral pain consensus statement, part 1, BJSM 2016 - https://pmc.ncbi.nlm.nih.gov/articles/PMC4975817 (checked 2026-11-30) ; MSD Manual (consumer version), Chondromalacia patellae - https://www.msdmanuals.com/en-gb/home/children-s-health-issues/connective-tissue-disorders-in-children/chondromalacia-patellae (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('it-band-syndrome', 17, 'IT band syndrome (outer side of the knee)', 'it-band-syndrome', 'condition', 1, 'Cut back running, especially downhill and on sloping roads, then build up slowly.', 'overuse', 1, 'MedlinePlus (US National Library of Medicine), Iliotibial band syndrome - aftercare - https://medlineplus.gov/ency/patientinstructions/000683.htm (checked 2026-11-30) ; Noehren B et al., Strength, flexibility and running mechanics in males with iliotibial band syndrome, JOSPT 2014 - https://pmc.ncbi.nlm.nih.gov/articles/PMC4258688 (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('mcl-injury', 18, 'Sprain or tear of the inner knee ligament (MCL)', 'mcl-injury', 'condition', 2, 'Protect the knee for the first days and avoid twisting on it.', 'injury', 1, 'Dorset MSK (NHS Dorset), Knee ligament and cartilage injuries - https://mskdorset.nhs.uk/knee-pain/knee-pain-ligament-cartilage-injuries (checked 2026-11-30) ; East Lancashire Hospitals NHS Trust, Traumatic knee injury - https://elht.nhs.uk/services/integrated-msk-pain-and-rheumatology-service/traumatic-knee-injury (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('acl-injury', 19, 'ACL tear (a ligament inside the knee)', 'acl-injury', 'condition', 3, 'Do not run, twist or turn on it until it has been examined.', 'injury', 0, 'NHS Gloucestershire G-care, Knee pathway for ligament injuries - https://g-care.glos.nhs.uk/pathway/57/resource/3 (checked 2026-11-30) ; East Lancashire Hospitals NHS Trust, Traumatic knee injury - https://elht.nhs.uk/services/integrated-msk-pain-and-rheumatology-service/traumatic-knee-injury (checked 2026-11-30) ; Dorset MSK (NHS Dorset), Knee ligament and cartilage injuries - https://mskdorset.nhs.uk/knee-pain/knee-pain-ligament-cartilage-injuries (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('meniscus-tear', 20, 'Meniscus tear (a cartilage pad inside the joint)', 'meniscus-tear', 'condition', 2, 'Avoid twisting and deep squats until it has been examined.', 'injury', 0, 'NHS Gloucestershire G-care, Knee pathway: red flags for knee conditions - https://g-care.glos.nhs.uk/pathway/58/resource/3 (checked 2026-11-30) ; MedlinePlus (US National Library of Medicine), Meniscus tears - aftercare - https://medlineplus.gov/ency/patientinstructions/000684.htm (checked 2026-11-30) ; Dorset MSK (NHS Dorset), Knee ligament and cartilage injuries - https://mskdorset.nhs.uk/knee-pain/knee-pain-ligament-cartilage-injuries (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('osteoarthritis', 21, 'Knee osteoarthritis', 'osteoarthritis', 'condition', 2, 'Keep active: exercise is the main treatment for osteoarthritis.', 'overuse', 1, 'NICE, Osteoarthritis in over 16s: diagnosis and management (NG226) - https://www.nice.org.uk/guidance/ng226/chapter/Recommendations (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('rheumatoid-arthritis', 22, 'Rheumatoid or another inflammatory arthritis', 'rheumatoid-arthritis', 'condition', 2, '', NULL, 0, 'NICE, Rheumatoid arthritis in adults: management (NG100) - https://www.nice.org.uk/guidance/ng100/chapter/Recommendations (checked 2026-11-30) ; NHS, Rheumatoid arthritis - https://www.nhs.uk/conditions/rheumatoid-arthritis/ (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('pes-anserine-bursitis', 23, 'Pes anserine bursitis (inner side, below the joint)', 'pes-anserine-bursitis', 'condition', 1, 'Ease off hills and mileage for a while.', 'overuse', 1, 'StatPearls, Pes anserine bursitis - https://statpearls.com/point-of-care/27061 (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('pain-from-outside-knee', 24, 'Pain felt in the knee but coming from the hip', 'pain-from-outside-knee', 'condition', 2, '', NULL, 0, 'NHS South Devon and Torbay, Knee pain and management in adults (referral guidance) - https://southwest.devonformularyguidance.nhs.uk/referral-guidance/south-devon-torbay/musculoskeletal-joint-disorders/knee-pain (checked 2026-11-30) ; American Family Physician, Knee pain in adults and adolescents: the initial evaluation (2018) - https://www.aafp.org/pubs/afp/issues/2018/1101/p576.html (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('medial-plica', 25, 'Medial plica syndrome (an irritated fold of the joint lining)', 'medial-plica', 'condition', 1, 'Avoid long spells of deep bending for a while.', 'overuse', 1, 'Lee PYF et al., Synovial plica syndrome of the knee, Surg J 2017 - https://pmc.ncbi.nlm.nih.gov/articles/PMC5553487/ (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('tibial-stress-fracture', 26, 'Possible stress fracture of the upper shin bone', 'tibial-stress-fracture', 'condition', 2, 'Stop running and jumping now; walk only as far as is comfortable until a doctor has checked the bone.', NULL, 1, 'American Family Physician, Proximal tibial stress fracture (2007) - https://www.aafp.org/pubs/afp/issues/2007/0715/p277.html (checked 2026-11-30) ; Kahanov L et al., Diagnosis, treatment, and rehabilitation of stress fractures in the lower extremity in runners, Open Access J Sports Med 2015 - https://www.dovepress.com/diagnosis-treatment-and-rehabilitation-of-stress-fractures-in-the-lowe-peer-reviewed-fulltext-article-OAJSM (checked 2026-11-30) ; Mountjoy M et al., 2023 IOC consensus statement on Relative Energy Deficiency in Sport (REDs), BJSM 2023 - https://bjsm.bmj.com/content/57/17/1073 (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('kneecap-dislocation', 27, 'Kneecap dislocation (the kneecap slipped out of place)', 'kneecap-dislocation', 'condition', 3, 'Do not run or jump until it has been checked.', 'injury', 0, 'nidirect (Northern Ireland government), Dislocated kneecap - https://www.nidirect.gov.uk/conditions/dislocated-kneecap (checked 2026-11-30) ; StatPearls, Patellar instability - https://statpearls.com/ArticleLibrary/viewarticle/26724 (checked 2026-11-30) ; NHS Gloucestershire G-care, Knee pathway: red flags for knee conditions - https://g-care.glos.nhs.uk/pathway/58/resource/3 (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('hot-swollen-knee', 28, 'Hot, swollen knee (gout, or an infection that must be ruled out)', 'hot-swollen-knee', 'condition', 3, 'Only a test of fluid from the joint can tell gout from an infection.', NULL, 0, 'Patient.info (professional), Hot swollen joints - https://patient.info/doctor/hot-swollen-joints (checked 2026-11-30) ; StatPearls, Gout - https://www.statpearls.com/ArticleLibrary/viewarticle/22376 (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('bakers-cyst', 29, 'Baker''s cyst (a fluid swelling behind the knee)', 'pain-behind-the-knee', 'condition', 2, '', NULL, 0, 'NHS, Baker''s cyst - https://www.nhs.uk/conditions/bakers-cyst/ (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('hamstring-calf-strain', 30, 'Strained hamstring or calf muscle (behind the knee)', 'pain-behind-the-knee', 'condition', 1, 'Rest from running for a few days, then build up gently.', 'injury', 1, 'NHS, Hamstring injury - https://www.nhs.uk/conditions/hamstring-injury/ (checked 2026-11-30) ; StatPearls (NCBI Bookshelf), Gastrocnemius strain - https://www.ncbi.nlm.nih.gov/books/NBK534766/ (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('bone-bruise', 31, 'Bruised knee or bone bruise (after a fall or a blow)', 'broken-bones-and-bruising', 'condition', 1, 'Protect it for a few days and let the pain guide your return to running.', 'injury', 1, 'NHS Tayside, Referral help: bone bruising and bone marrow oedema - https://www.nhstayside.scot.nhs.uk/WorkingWithUs/ReferralHelpSystem/PROD_354627/index.htm (checked 2026-11-30) ; NHS, Sprains and strains - https://www.nhs.uk/conditions/sprains-and-strains/ (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('osgood-schlatter', 32, 'Osgood-Schlatter disease (a sore bump below the kneecap while growing)', 'knee-pain-children', 'condition', 1, 'Cut running and jumping down to what the knee tolerates; it settles when growth ends.', 'overuse', 1, 'East Sussex Healthcare NHS Trust, Osgood-Schlatter''s disease - https://www.esht.nhs.uk/leaflet/osgood-schlatters-disease/ (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('sinding-larsen-johansson', 33, 'Sinding-Larsen-Johansson syndrome (pain at the lower tip of the kneecap while growing)', 'knee-pain-children', 'condition', 1, 'Cut running and jumping down to what the knee tolerates; it settles when growth ends.', 'overuse', 1, 'East Sussex Healthcare NHS Trust, Osgood-Schlatter''s disease - https://www.esht.nhs.uk/leaflet/osgood-schlatters-disease/ (checked 2026-11-30) ; Archives of Orthopaedic and Trauma Surgery (2023), Patellar tendinopathy: an overview of prevalence, risk factors, screening, diagnosis, treatment and prevention - https://pubmed.ncbi.nlm.nih.gov/37542006/ (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('osteochondritis-dissecans', 34, 'Osteochondritis dissecans or a loose piece in the joint', 'loose-bodies-ocd', 'condition', 2, 'Avoid running and jumping until it has been examined.', NULL, 0, 'StatPearls, Osteochondritis dissecans of the knee - https://www.statpearls.com/sp/ms/558/23937/ (checked 2026-11-30) ; Chau MM et al., Osteochondritis dissecans: current concepts review, J Bone Joint Surg Am 2021 - https://pmc.ncbi.nlm.nih.gov/articles/PMC8272630 (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('patellar-tendinopathy', 35, 'Patellar tendinopathy (jumper''s knee: the tendon below the kneecap)', 'patellar-tendinopathy', 'condition', 1, 'Keep the tendon working with slow strength exercises, and cut back jumps and hill sprints.', 'overuse', 1, 'Archives of Orthopaedic and Trauma Surgery (2023), Patellar tendinopathy: an overview of prevalence, risk factors, screening, diagnosis, treatment and prevention - https://pubmed.ncbi.nlm.nih.gov/37542006/ (checked 2026-11-30) ; Breda SJ et al., Effectiveness of progressive tendon-loading exercise therapy in patients with patellar tendinopathy, BJSM 2021 - https://bjsm.bmj.com/content/55/9/501 (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('saphenous-nerve', 36, 'An irritated nerve on the inner side of the knee (saphenous nerve)', 'nerve-pain', 'condition', 2, '', NULL, 0, 'Hosahalli G et al., Entrapment neuropathy of the infrapatellar branch of the saphenous nerve, Indian J Orthop 2017 - https://pmc.ncbi.nlm.nih.gov/articles/PMC5525530 (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('referred-back-pain', 37, 'Pain from the lower back felt in the knee', 'nerve-pain', 'condition', 2, '', NULL, 0, 'NHS Devon, Low back pain with or without sciatica or radiculopathy (referral guidance) - https://northeast.devonformularyguidance.nhs.uk/referral-guidance/northern-locality/musculoskeletal/low-back-pain-with-or-without-sciatica-radiculopathy (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('training-load', 38, 'Too much, too soon (training overload)', 'training-load', 'factor', 1, 'Cut back to a load that does not hurt, then build up in small steps.', 'overuse', 1, 'Nielsen RO et al., Excessive progression in weekly running distance and risk of running-related injuries, JOSPT 2014 - https://pubmed.ncbi.nlm.nih.gov/25155475/ (checked 2026-11-30) ; Frandsen JSB et al., How much running is too much? Identifying high-risk running sessions in a 5200-person cohort study, BJSM 2025 - https://pubmed.ncbi.nlm.nih.gov/40623829/ (checked 2026-11-30)');
INSERT INTO wizard_cause (id, position, title, article_id, kind, min_level, action, plan_kind, graded_return, source) VALUES ('muscle-imbalance', 39, 'Weak or tight hip and thigh muscles', 'muscle-imbalance', 'factor', 1, 'Strengthen the hips and thighs two or three times a week.', 'overuse', 1, 'Lack S et al., Proximal muscle rehabilitation is effective for patellofemoral pain, BJSM 2015 - https://bjsm.bmj.com/content/49/21/1365 (checked 2026-11-30) ; Ferber R et al., Suspected mechanisms in the cause of overuse running injuries: a clinical review, Sports Health 2009 - https://pmc.ncbi.nlm.nih.gov/articles/PMC3445255 (checked 2026-11-30)');

-- ===========================================================================
-- Evidence: answer -> cause, weight (negative speaks against), reason shown.
-- ===========================================================================
-- hip-stress-fracture
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'hip-groin-thigh', 'hip-stress-fracture', 4, 'Groin or hip pain in a runner can be a stress fracture of the hip.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('run', 'getting-worse', 'hip-stress-fracture', 3, 'Pain that comes earlier in every run and then on walking fits a stress fracture.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'training-change', 'hip-stress-fracture', 1, 'A stress fracture follows a rise in training.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'distance', 'hip-stress-fracture', 1, 'A stress fracture follows a rise in distance.');
-- child-hip
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', 'under-16', 'child-hip', 2, 'In children and teenagers a hip problem can show as knee pain.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'hip-groin-thigh', 'child-hip', 3, 'In a child, pain in the hip, groin or thigh can come from the hip joint.');
-- runners-knee
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'kneecap', 'runners-knee', 6, 'Pain around or behind the kneecap is the hallmark of runner''s knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-front', 'runners-knee', 2, 'Runner''s knee is often felt at the inner edge of the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'below-kneecap', 'runners-knee', 1, 'Runner''s knee can be felt just below the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-joint-line', 'runners-knee', -2, 'Runner''s knee hurts around the kneecap rather than on the joint line.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-below', 'runners-knee', -4, 'Runner''s knee hurts around the kneecap, not below the joint.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'outer', 'runners-knee', -4, 'Runner''s knee hurts at the front, not on the outer side.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'behind', 'runners-knee', -5, 'Runner''s knee hurts at the front, not behind the knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'hip-groin-thigh', 'runners-knee', -5, 'Runner''s knee is felt at the kneecap, not in the hip or groin.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'night', 'runners-knee', -2, 'Runner''s knee does not usually hurt at night.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('stiffness', 'long', 'runners-knee', -2, 'Long morning stiffness is not typical of runner''s knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('run', 'no-change', 'runners-knee', -2, 'Runner''s knee usually changes with running.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'fall', 'runners-knee', -3, 'A fall onto the knee points to a bruise rather than runner''s knee, which builds up with use.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'training-change', 'runners-knee', 2, 'Runner''s knee often follows a rise in distance or hills.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'gradual', 'runners-knee', 1, 'Runner''s knee comes on gradually.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'returned', 'runners-knee', 2, 'Runner''s knee often comes back when training rises again.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'sudden', 'runners-knee', -2, 'Runner''s knee builds up; it does not start within hours.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'hills', 'runners-knee', 1, 'Hills load the kneecap more.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'distance', 'runners-knee', 1, 'Runner''s knee is linked to rising weekly distance.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'stairs-down', 'runners-knee', 3, 'Going down stairs typically hurts with runner''s knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'stairs-up', 'runners-knee', 1, 'Stairs load the joint behind the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'squatting', 'runners-knee', 2, 'Squatting presses the kneecap hard against the thigh bone.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'kneeling', 'runners-knee', 1, 'Kneeling presses on the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'sitting', 'runners-knee', 3, 'Pain after sitting with the knee bent is typical of runner''s knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'downhill', 'runners-knee', 2, 'Running downhill loads the front of the knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('feel', 'dull-ache', 'runners-knee', 1, 'Runner''s knee is usually a dull ache.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('feel', 'grinding', 'runners-knee', 3, 'Grating behind the kneecap is common with runner''s knee and is usually harmless.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'none', 'runners-knee', 1, 'Runner''s knee does not usually make the knee swell.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'fast', 'runners-knee', -3, 'Fast swelling points to an injury inside the joint, not runner''s knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'no-injury', 'runners-knee', -2, 'Runner''s knee does not usually make the knee swell.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('stiffness', 'after-sitting', 'runners-knee', 2, 'Stiffness after sitting still fits runner''s knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('side', 'both', 'runners-knee', 2, 'Runner''s knee often affects both knees.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('run', 'after', 'runners-knee', 1, 'Runner''s knee aches during or after runs, more after hills.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'recent', 'runners-knee', -4, 'Runner''s knee builds up gradually rather than starting with an injury.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'weeks', 'runners-knee', -2, 'Runner''s knee usually builds up gradually rather than starting with an injury.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '16-29', 'runners-knee', 2, 'Runner''s knee is most common from the teens to the thirties.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '30-44', 'runners-knee', 1, 'Runner''s knee is common in adult runners.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '55-plus', 'runners-knee', -1, 'Runner''s knee is less common after 55.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('duration', 'over-6-weeks', 'runners-knee', 1, 'Runner''s knee can last for months.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('control', 'yes', 'runners-knee', 1, 'Weak hip muscles are a known risk factor for runner''s knee.');
-- it-band-syndrome
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'outer', 'it-band-syndrome', 8, 'IT band syndrome hurts on the outer side of the knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'kneecap', 'it-band-syndrome', -3, 'IT band syndrome hurts on the outer side, not at the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'below-kneecap', 'it-band-syndrome', -3, 'IT band syndrome hurts on the outer side, not at the front.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'behind', 'it-band-syndrome', -3, 'IT band syndrome hurts on the outer side, not behind the knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'all-over', 'it-band-syndrome', -4, 'IT band syndrome hurts at one place on the outer side.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'night', 'it-band-syndrome', -2, 'IT band syndrome does not usually hurt at night.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('run', 'no-change', 'it-band-syndrome', -3, 'IT band syndrome comes on with running.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('run', 'same-point', 'it-band-syndrome', 5, 'Pain that starts at the same point in every run is typical of IT band syndrome.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'downhill', 'it-band-syndrome', 3, 'Running downhill often brings on IT band syndrome.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'running', 'it-band-syndrome', 2, 'IT band syndrome hurts with running and eases with rest.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'surface', 'it-band-syndrome', 2, 'Sloping roads and always running the same way round a track load the IT band.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'distance', 'it-band-syndrome', 1, 'More distance is linked to IT band syndrome.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'training-change', 'it-band-syndrome', 2, 'IT band syndrome often follows a rise in distance.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('feel', 'sharp', 'it-band-syndrome', 1, 'IT band syndrome is often a sharp pain while running.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'fast', 'it-band-syndrome', -3, 'IT band syndrome does not make the knee swell.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'no-injury', 'it-band-syndrome', -2, 'IT band syndrome does not make the knee swell.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'none', 'it-band-syndrome', 1, 'IT band syndrome does not make the knee lock or give way.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'recent', 'it-band-syndrome', -3, 'IT band syndrome comes from repeated running, not from an injury.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'weeks', 'it-band-syndrome', -2, 'IT band syndrome comes from repeated running, not from an injury.');
-- mcl-injury
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'blow-outer', 'mcl-injury', 7, 'A blow to the outer side that pushes the knee inwards stretches the inner ligament (MCL).');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'twist', 'mcl-injury', 2, 'A twist can also sprain the inner ligament.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'landing', 'mcl-injury', 1, 'An awkward landing can sprain the inner ligament.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'fall', 'mcl-injury', 1, 'A fall can sprain the inner ligament.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'recent', 'mcl-injury', 2, 'An MCL sprain starts with an injury.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'weeks', 'mcl-injury', 1, 'An MCL sprain starts with an injury.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'no', 'mcl-injury', -6, 'An MCL sprain needs a force on the knee, and there was no injury.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-joint-line', 'mcl-injury', 4, 'The inner ligament runs across the joint line on the inner side.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-below', 'mcl-injury', 1, 'The inner ligament reaches a little below the joint.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-front', 'mcl-injury', 1, 'The inner ligament starts just above the joint on the inner side.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'outer', 'mcl-injury', -3, 'An MCL sprain hurts on the inner side, not the outer side.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'kneecap', 'mcl-injury', -2, 'An MCL sprain hurts on the inner side rather than at the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'behind', 'mcl-injury', -2, 'An MCL sprain hurts on the inner side, not behind the knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'pivoting', 'mcl-injury', 2, 'Twisting and turning stress a sprained inner ligament.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'slow', 'mcl-injury', 1, 'A sprained inner ligament can swell a little.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('feel', 'sharp', 'mcl-injury', 1, 'A sprained ligament gives a sharp pain with some movements.');
-- acl-injury
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'pop', 'acl-injury', 6, 'A pop when landing, turning or stopping suddenly is typical of an ACL tear.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'landing', 'acl-injury', 3, 'Landing awkwardly from a jump is a common way to tear the ACL.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'twist', 'acl-injury', 2, 'A twist with the foot planted can tear the ACL.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'no', 'acl-injury', -6, 'An ACL tear happens in an injury, and there was none.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'recent', 'acl-injury', 2, 'An ACL tear starts with an injury.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'fast', 'acl-injury', 6, 'Swelling within a few hours of an injury usually means bleeding into the joint, as with an ACL tear.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'slow', 'acl-injury', -1, 'An ACL tear usually swells within hours rather than over a day.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'none', 'acl-injury', -3, 'An ACL tear nearly always makes the knee swell.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'giving-way', 'acl-injury', 5, 'The knee giving way, especially when turning, points to an ACL tear.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'none', 'acl-injury', -2, 'After an ACL tear the knee usually feels unstable.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'pivoting', 'acl-injury', 2, 'A knee without its ACL feels unsafe when twisting and turning.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'all-over', 'acl-injury', 2, 'An ACL tear is felt deep inside the knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '16-29', 'acl-injury', 1, 'ACL tears are most common in young athletes.');
-- meniscus-tear
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'twist', 'meniscus-tear', 5, 'Twisting on a planted, bent knee is the usual way a meniscus tears.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'pop', 'meniscus-tear', 1, 'A pop can also come with a meniscus tear.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'landing', 'meniscus-tear', 1, 'An awkward landing can tear a meniscus.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'sudden', 'meniscus-tear', 1, 'A worn meniscus can tear with little force, such as getting up from a squat.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'no', 'meniscus-tear', -1, 'Without an injury a meniscus tear is less likely, though worn menisci can tear with little force.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'recent', 'meniscus-tear', 1, 'A meniscus tear usually starts with an injury.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-joint-line', 'meniscus-tear', 5, 'Pain right on the inner joint line is typical of a meniscus tear.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'behind', 'meniscus-tear', 1, 'A tear at the back of the meniscus can be felt behind the knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-below', 'meniscus-tear', -3, 'Meniscus pain sits on the joint line, not below it.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'kneecap', 'meniscus-tear', -2, 'Meniscus pain sits on the joint line, not at the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-front', 'meniscus-tear', -2, 'Meniscus pain sits on the joint line, not at the edge of the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'below-kneecap', 'meniscus-tear', -3, 'Meniscus pain sits on the joint line, not below the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'hip-groin-thigh', 'meniscus-tear', -3, 'Meniscus pain is felt in the knee, not the hip or thigh.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'slow', 'meniscus-tear', 5, 'Swelling that builds over a day after a twist is typical of a meniscus tear.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'fast', 'meniscus-tear', -1, 'A meniscus tear usually swells slowly, over a day.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'none', 'meniscus-tear', -1, 'A torn meniscus usually makes the knee swell at some point.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'catching', 'meniscus-tear', 3, 'A feeling of something catching inside fits a torn meniscus.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'locking', 'meniscus-tear', 5, 'Brief locking is a typical sign of a torn flap of meniscus.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'painful-clicking', 'meniscus-tear', 3, 'A painful click is often a torn meniscus.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'giving-way', 'meniscus-tear', 1, 'A torn meniscus can make the knee give way.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'clicking', 'meniscus-tear', 1, 'A torn meniscus can click.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'none', 'meniscus-tear', -3, 'No catching, locking or giving way makes a meniscus tear less likely.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'squatting', 'meniscus-tear', 2, 'Deep squats pinch a torn meniscus.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'pivoting', 'meniscus-tear', 3, 'Twisting on the leg catches a torn meniscus.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'kneeling', 'meniscus-tear', 1, 'Kneeling bends the knee fully and can pinch a torn meniscus.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('feel', 'sharp', 'meniscus-tear', 2, 'A torn meniscus gives sharp pain with twisting or squatting.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '45-54', 'meniscus-tear', 1, 'From middle age a worn meniscus tears more easily.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '55-plus', 'meniscus-tear', 1, 'From middle age a worn meniscus tears more easily.');
-- osteoarthritis
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '55-plus', 'osteoarthritis', 4, 'Osteoarthritis becomes common after 55.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '45-54', 'osteoarthritis', 3, 'Osteoarthritis is usually diagnosed from 45 on.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '30-44', 'osteoarthritis', -1, 'Osteoarthritis is usually diagnosed from 45 on.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '16-29', 'osteoarthritis', -4, 'Osteoarthritis is unlikely before 30 without an old injury.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'gradual', 'osteoarthritis', 2, 'Osteoarthritis comes on gradually over months or years.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'returned', 'osteoarthritis', 1, 'Osteoarthritis often flares up and settles again.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('stiffness', 'short', 'osteoarthritis', 3, 'Morning stiffness of less than half an hour fits osteoarthritis.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('stiffness', 'medium', 'osteoarthritis', -1, 'Osteoarthritis stiffness usually wears off within half an hour.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('stiffness', 'long', 'osteoarthritis', -3, 'Osteoarthritis stiffness usually wears off within half an hour.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-joint-line', 'osteoarthritis', 2, 'Osteoarthritis most often affects the inner side of the joint.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'all-over', 'osteoarthritis', 2, 'Osteoarthritis often aches through the whole knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'kneecap', 'osteoarthritis', 1, 'Osteoarthritis can affect the joint behind the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'no-injury', 'osteoarthritis', 2, 'Osteoarthritis can make the knee swell from time to time.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('feel', 'grinding', 'osteoarthritis', 1, 'A worn joint can grate as it moves.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'catching', 'osteoarthritis', 1, 'A worn joint can catch now and then.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'walking', 'osteoarthritis', 2, 'Osteoarthritis hurts with everyday activity such as walking.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'stairs-up', 'osteoarthritis', 1, 'Stairs load a worn joint.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'standing-up', 'osteoarthritis', 1, 'Getting up from a chair loads a worn joint.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('duration', 'over-6-weeks', 'osteoarthritis', 2, 'Osteoarthritis is a long-standing problem.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('duration', 'comes-back', 'osteoarthritis', 2, 'Osteoarthritis tends to flare and settle.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('duration', 'under-3-days', 'osteoarthritis', -1, 'Osteoarthritis is a long-standing problem, not a new one.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('side', 'both', 'osteoarthritis', 1, 'Osteoarthritis often affects both knees.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'hip-groin-thigh', 'osteoarthritis', -3, 'Pain in the hip, groin or thigh points away from the knee joint itself.');
-- rheumatoid-arthritis
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('joints', 'hands-feet', 'rheumatoid-arthritis', 7, 'Pain in the small joints of the hands or feet as well points to rheumatoid arthritis.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('joints', 'other-large', 'rheumatoid-arthritis', 3, 'Several swollen joints point to an inflammatory arthritis.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('joints', 'none', 'rheumatoid-arthritis', -3, 'A single sore knee with no other joints involved makes rheumatoid arthritis unlikely.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('stiffness', 'long', 'rheumatoid-arthritis', 5, 'Morning stiffness lasting more than an hour points to an inflammatory arthritis.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('stiffness', 'medium', 'rheumatoid-arthritis', 2, 'Morning stiffness of more than half an hour can be an inflammatory arthritis.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('stiffness', 'none', 'rheumatoid-arthritis', -3, 'Inflammatory arthritis nearly always makes the joints stiff in the morning.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('stiffness', 'short', 'rheumatoid-arthritis', -1, 'Inflammatory arthritis usually makes the joints stiff for longer.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('side', 'both', 'rheumatoid-arthritis', 3, 'Inflammatory arthritis usually affects both sides.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'no-injury', 'rheumatoid-arthritis', 3, 'Swelling without an injury fits inflammatory arthritis.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'none', 'rheumatoid-arthritis', -2, 'Inflammatory arthritis usually gives a warm, spongy swelling.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'morning', 'rheumatoid-arthritis', 2, 'Inflammatory arthritis is worst first thing in the morning.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'gradual', 'rheumatoid-arthritis', 1, 'Inflammatory arthritis often starts gradually.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'sudden', 'rheumatoid-arthritis', 1, 'Inflammatory arthritis can flare suddenly.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'recent', 'rheumatoid-arthritis', -2, 'Inflammatory arthritis does not start with an injury.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '30-44', 'rheumatoid-arthritis', 1, 'Rheumatoid arthritis often starts between 30 and 60.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '45-54', 'rheumatoid-arthritis', 1, 'Rheumatoid arthritis often starts between 30 and 60.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', 'under-16', 'rheumatoid-arthritis', -2, 'Rheumatoid arthritis usually starts in adults.');
-- pes-anserine-bursitis
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-below', 'pes-anserine-bursitis', 6, 'Pain a few centimetres below the joint on the inner side is typical of pes anserine bursitis.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-joint-line', 'pes-anserine-bursitis', -2, 'Pes anserine pain sits below the joint line, not on it.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'kneecap', 'pes-anserine-bursitis', -2, 'Pes anserine pain sits below the joint on the inner side, not at the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'outer', 'pes-anserine-bursitis', -3, 'Pes anserine pain is on the inner side, not the outer side.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'behind', 'pes-anserine-bursitis', -2, 'Pes anserine pain is on the inner side, not behind the knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'stairs-up', 'pes-anserine-bursitis', 3, 'Going up stairs typically hurts with pes anserine bursitis.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'standing-up', 'pes-anserine-bursitis', 2, 'Rising from a chair often hurts with pes anserine bursitis.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'walking', 'pes-anserine-bursitis', -1, 'Pes anserine bursitis is often painless on the flat.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'below-joint', 'pes-anserine-bursitis', 4, 'A soft swelling just below the inner joint line fits an inflamed pes anserine bursa.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'hills', 'pes-anserine-bursitis', 2, 'Hill running is a known trigger of pes anserine bursitis.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'distance', 'pes-anserine-bursitis', 1, 'More mileage can bring on pes anserine bursitis.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'training-change', 'pes-anserine-bursitis', 2, 'Pes anserine bursitis often follows more mileage or hills.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'gradual', 'pes-anserine-bursitis', 1, 'Pes anserine bursitis builds up gradually.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '45-54', 'pes-anserine-bursitis', 1, 'Pes anserine bursitis is common in middle age.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '55-plus', 'pes-anserine-bursitis', 1, 'Pes anserine bursitis often comes with knee osteoarthritis.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('side', 'both', 'pes-anserine-bursitis', 1, 'Pes anserine bursitis affects both knees in about a third of people.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'none', 'pes-anserine-bursitis', 1, 'Pes anserine bursitis does not click, catch or lock.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'recent', 'pes-anserine-bursitis', -3, 'Pes anserine bursitis usually builds up gradually.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'all-over', 'pes-anserine-bursitis', -2, 'Pes anserine bursitis hurts at one spot below the inner joint.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'below-kneecap', 'pes-anserine-bursitis', -2, 'Pes anserine pain is on the inner side, not the front.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'hip-groin-thigh', 'pes-anserine-bursitis', -3, 'Pes anserine pain is on the inner side of the knee, not the hip.');
-- pain-from-outside-knee
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'hip-groin-thigh', 'pain-from-outside-knee', 7, 'Pain in the hip, groin or thigh that is felt in the knee can come from the hip.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'kneecap', 'pain-from-outside-knee', -1, 'Pain at the kneecap usually comes from the knee itself.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('joints', 'hip', 'pain-from-outside-knee', 3, 'A painful hip can send pain down to the knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'walking', 'pain-from-outside-knee', 1, 'Hip pain is often worse when walking.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '55-plus', 'pain-from-outside-knee', 1, 'Hip arthritis felt in the knee is more common with age.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', 'under-16', 'pain-from-outside-knee', 2, 'In children and teenagers a hip problem can show as knee pain.');
-- medial-plica
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-front', 'medial-plica', 6, 'Pain at the inner edge of the kneecap, above the joint line, fits a medial plica.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'kneecap', 'medial-plica', 1, 'A plica can be felt at the front of the knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-joint-line', 'medial-plica', 1, 'A plica sits just above the inner joint line.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'clicking', 'medial-plica', 4, 'Clicking or snapping as the knee bends fits a medial plica.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'catching', 'medial-plica', 3, 'A plica catches as the knee bends.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'painful-clicking', 'medial-plica', 2, 'A plica can snap painfully over the bone.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'none', 'medial-plica', -2, 'A plica usually clicks or catches.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'squatting', 'medial-plica', 2, 'Bending the knee deeply catches the plica.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'sitting', 'medial-plica', 1, 'Long sitting with the knee bent irritates a plica.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'stairs-up', 'medial-plica', 1, 'Stairs bend the knee over the plica.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'gradual', 'medial-plica', 2, 'A plica troubles the knee gradually, with repeated bending.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', 'under-16', 'medial-plica', 1, 'Plica problems start in the young.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '16-29', 'medial-plica', 1, 'Plica problems are most common before 30.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '45-54', 'medial-plica', -2, 'Plica problems are most common before 30.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '55-plus', 'medial-plica', -3, 'Plica problems are most common before 30.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'outer', 'medial-plica', -3, 'A medial plica is on the inner side.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'behind', 'medial-plica', -3, 'A medial plica is at the front of the inner side, not behind the knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-below', 'medial-plica', -2, 'A medial plica sits above the joint line, not below it.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'below-kneecap', 'medial-plica', -1, 'A medial plica sits beside the kneecap rather than below it.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'night', 'medial-plica', -2, 'A plica does not usually hurt at night.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'recent', 'medial-plica', -2, 'A plica usually troubles the knee gradually.');
-- tibial-stress-fracture
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('hop', 'yes', 'tibial-stress-fracture', 6, 'Pain at one spot on the bone when hopping can mean a stress fracture.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('hop', 'no', 'tibial-stress-fracture', -3, 'Hopping without pain makes a stress fracture less likely.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('hop', 'too-painful', 'tibial-stress-fracture', 3, 'A leg too painful to hop on needs the bone checked.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-below', 'tibial-stress-fracture', 3, 'A stress fracture of the upper shin hurts on the inner side, just below the joint.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-joint-line', 'tibial-stress-fracture', 1, 'A stress fracture of the upper shin can be felt near the inner joint line.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('run', 'getting-worse', 'tibial-stress-fracture', 5, 'Pain that comes earlier in every run and then on walking fits a stress fracture.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'training-change', 'tibial-stress-fracture', 2, 'A stress fracture follows a rise in time, distance or pace.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'distance', 'tibial-stress-fracture', 1, 'A stress fracture follows a rise in distance.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'speed', 'tibial-stress-fracture', 1, 'A stress fracture can follow a rise in pace.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'night', 'tibial-stress-fracture', 1, 'A stress fracture can ache at night.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'walking', 'tibial-stress-fracture', 1, 'A stress fracture comes to hurt with walking.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'recent', 'tibial-stress-fracture', -2, 'A stress fracture builds up over weeks of running, not from one injury.');
-- kneecap-dislocation
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'kneecap-out', 'kneecap-dislocation', 8, 'The kneecap going out to the side is a dislocation.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'twist', 'kneecap-dislocation', 1, 'A twist is also how a kneecap slips out, especially in teenagers.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'no', 'kneecap-dislocation', -5, 'A kneecap dislocation happens in an injury, and there was none.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'fast', 'kneecap-dislocation', 2, 'A kneecap dislocation makes the knee swell quickly.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'giving-way', 'kneecap-dislocation', 2, 'An unstable kneecap makes the knee give way.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', 'under-16', 'kneecap-dislocation', 2, 'Kneecap dislocation is most common in teenagers.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '16-29', 'kneecap-dislocation', 1, 'Kneecap dislocation is most common in young people.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-front', 'kneecap-dislocation', 2, 'When the kneecap slips out it tears the tissue on its inner edge.');
-- hot-swollen-knee
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'no-injury', 'hot-swollen-knee', 4, 'A knee that swells without an injury can be gout or an infection.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'sudden', 'hot-swollen-knee', 4, 'Pain that builds within hours without an injury can be gout or an infection.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'night', 'hot-swollen-knee', 1, 'Gout often flares at night.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'none', 'hot-swollen-knee', -6, 'Gout or an infection makes the knee swell.');
-- bakers-cyst
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'behind', 'bakers-cyst', 6, 'A soft swelling behind the knee is typical of a Baker''s cyst.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'behind', 'bakers-cyst', 4, 'A Baker''s cyst is felt behind the knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'squatting', 'bakers-cyst', 1, 'A Baker''s cyst feels tight when the knee bends fully.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '45-54', 'bakers-cyst', 1, 'Baker''s cysts often come with a worn joint or a torn meniscus in middle age.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '55-plus', 'bakers-cyst', 1, 'Baker''s cysts often come with a worn joint or a torn meniscus in later life.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'kneecap', 'bakers-cyst', -3, 'A Baker''s cyst is behind the knee, not at the front.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'below-kneecap', 'bakers-cyst', -3, 'A Baker''s cyst is behind the knee, not at the front.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-front', 'bakers-cyst', -3, 'A Baker''s cyst is behind the knee, not at the front.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'outer', 'bakers-cyst', -2, 'A Baker''s cyst is behind the knee.');
-- hamstring-calf-strain
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'behind', 'hamstring-calf-strain', 4, 'A strained hamstring or calf muscle hurts behind the knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'recent', 'hamstring-calf-strain', 2, 'A muscle strain starts with a sudden pull, often while running.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'weeks', 'hamstring-calf-strain', 1, 'A muscle strain starts with a sudden pull.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('feel', 'sharp', 'hamstring-calf-strain', 1, 'A muscle strain is sharp when the muscle is used.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'running', 'hamstring-calf-strain', 1, 'A strained muscle hurts when you run.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'behind', 'hamstring-calf-strain', -2, 'A lump behind the knee points to a cyst rather than a strain.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'kneecap', 'hamstring-calf-strain', -3, 'A hamstring or calf strain is felt behind the knee, not at the front.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'below-kneecap', 'hamstring-calf-strain', -3, 'A hamstring or calf strain is felt behind the knee, not at the front.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-front', 'hamstring-calf-strain', -3, 'A hamstring or calf strain is felt behind the knee, not at the front.');
-- bone-bruise
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'fall', 'bone-bruise', 5, 'A fall onto the knee, or a blow to it, often bruises the bone or the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'blow-outer', 'bone-bruise', 1, 'A blow can bruise the bone.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'recent', 'bone-bruise', 2, 'A bruise follows a fall or a blow.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'weeks', 'bone-bruise', 1, 'A bone bruise can ache for weeks after a fall.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'kneecap', 'bone-bruise', 1, 'A fall onto the front of the knee bruises the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'all-over', 'bone-bruise', 1, 'A bruised bone can ache through the knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'slow', 'bone-bruise', 1, 'A bruise makes the knee swell a little over a day.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'none', 'bone-bruise', 1, 'A bruise does not make the knee lock or give way.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'behind', 'bone-bruise', -2, 'A bruise hurts where the knee was hit, which is rarely the back.');
-- osgood-schlatter
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', 'under-16', 'osgood-schlatter', 2, 'Osgood-Schlatter happens while the bones are growing, often between 10 and 15.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'outer', 'osgood-schlatter', -3, 'Osgood-Schlatter is at the front, below the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'behind', 'osgood-schlatter', -3, 'Osgood-Schlatter is at the front, below the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-joint-line', 'osgood-schlatter', -3, 'Osgood-Schlatter is at the front, below the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'hip-groin-thigh', 'osgood-schlatter', -3, 'Osgood-Schlatter is felt below the kneecap, not in the hip.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-below', 'osgood-schlatter', -2, 'Osgood-Schlatter is at the front, below the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'all-over', 'osgood-schlatter', -2, 'Osgood-Schlatter hurts at one spot below the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '16-29', 'osgood-schlatter', -2, 'Osgood-Schlatter usually settles when growth ends.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'below-kneecap', 'osgood-schlatter', 4, 'Pain a few centimetres below the kneecap is typical of Osgood-Schlatter.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'bump', 'osgood-schlatter', 5, 'A hard, tender bump below the kneecap is the mark of Osgood-Schlatter.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'none', 'osgood-schlatter', -2, 'Osgood-Schlatter usually leaves a swollen, tender bump below the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'jumping', 'osgood-schlatter', 1, 'Jumping and sprinting pull hard on the bump below the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'kneeling', 'osgood-schlatter', 2, 'Kneeling on the sore bump hurts with Osgood-Schlatter.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'jumping', 'osgood-schlatter', 2, 'Jumping hurts with Osgood-Schlatter.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'stairs-up', 'osgood-schlatter', 1, 'Stairs pull on the tendon below the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'gradual', 'osgood-schlatter', 1, 'Osgood-Schlatter comes on gradually.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'training-change', 'osgood-schlatter', 1, 'Osgood-Schlatter often flares with more sport.');
-- sinding-larsen-johansson
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', 'under-16', 'sinding-larsen-johansson', 2, 'Sinding-Larsen-Johansson happens while the bones are growing.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'outer', 'sinding-larsen-johansson', -3, 'Sinding-Larsen-Johansson is at the front, at the tip of the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'behind', 'sinding-larsen-johansson', -3, 'Sinding-Larsen-Johansson is at the front, at the tip of the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-joint-line', 'sinding-larsen-johansson', -3, 'Sinding-Larsen-Johansson is at the front, at the tip of the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'hip-groin-thigh', 'sinding-larsen-johansson', -3, 'Sinding-Larsen-Johansson is felt at the kneecap, not in the hip.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-below', 'sinding-larsen-johansson', -2, 'Sinding-Larsen-Johansson is at the front, at the tip of the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'all-over', 'sinding-larsen-johansson', -2, 'Sinding-Larsen-Johansson hurts at one spot at the tip of the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '16-29', 'sinding-larsen-johansson', -2, 'Sinding-Larsen-Johansson settles when growth ends.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'below-kneecap', 'sinding-larsen-johansson', 4, 'Pain at the lower tip of the kneecap fits Sinding-Larsen-Johansson.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'kneecap', 'sinding-larsen-johansson', 2, 'Sinding-Larsen-Johansson hurts at the lower edge of the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'jumping', 'sinding-larsen-johansson', 2, 'Jumping and running pull on the lower tip of the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'stairs-down', 'sinding-larsen-johansson', 1, 'Stairs load the tendon at the tip of the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'gradual', 'sinding-larsen-johansson', 1, 'Sinding-Larsen-Johansson comes on gradually.');
-- osteochondritis-dissecans
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', 'under-16', 'osteochondritis-dissecans', 3, 'Osteochondritis dissecans is most common in children and teenagers.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '16-29', 'osteochondritis-dissecans', 1, 'Osteochondritis dissecans can show up in young adults.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '30-44', 'osteochondritis-dissecans', -1, 'Osteochondritis dissecans usually shows up before 30.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '45-54', 'osteochondritis-dissecans', -2, 'Osteochondritis dissecans usually shows up before 30.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '55-plus', 'osteochondritis-dissecans', -3, 'Osteochondritis dissecans usually shows up before 30.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'catching', 'osteochondritis-dissecans', 3, 'A loose piece of bone or cartilage can catch inside the joint.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'locking', 'osteochondritis-dissecans', 3, 'A loose piece can lock the knee for a moment.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'giving-way', 'osteochondritis-dissecans', 1, 'A loose piece can make the knee give way.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'none', 'osteochondritis-dissecans', -2, 'Without catching or locking a loose piece is less likely.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'all-over', 'osteochondritis-dissecans', 2, 'Osteochondritis dissecans is felt deep inside the knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-front', 'osteochondritis-dissecans', 1, 'The usual place is the inner part of the thigh bone, at the front of the joint.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'no-injury', 'osteochondritis-dissecans', 1, 'The knee can swell on and off.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'gradual', 'osteochondritis-dissecans', 1, 'It often comes on gradually, over months.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'returned', 'osteochondritis-dissecans', 1, 'The pain often comes and goes.');
-- patellar-tendinopathy
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'below-kneecap', 'patellar-tendinopathy', 6, 'Pain just below the kneecap, in the tendon, is typical of patellar tendinopathy.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'kneecap', 'patellar-tendinopathy', 1, 'Patellar tendinopathy is felt at the lower edge of the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'jumping', 'patellar-tendinopathy', 3, 'More jumps and hill sprints overload the kneecap tendon.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'speed', 'patellar-tendinopathy', 1, 'Faster running loads the tendon more.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'hills', 'patellar-tendinopathy', 1, 'Hills load the tendon below the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'jumping', 'patellar-tendinopathy', 3, 'Jumping is what hurts most with patellar tendinopathy.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'stairs-up', 'patellar-tendinopathy', 1, 'Stairs load the tendon below the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'squatting', 'patellar-tendinopathy', 1, 'Squatting loads the tendon below the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'sitting', 'patellar-tendinopathy', 1, 'The tendon can ache after sitting.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'training-change', 'patellar-tendinopathy', 2, 'Patellar tendinopathy follows a rise in jumping or speed.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'gradual', 'patellar-tendinopathy', 1, 'Patellar tendinopathy builds up gradually.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '16-29', 'patellar-tendinopathy', 1, 'Patellar tendinopathy is common in young athletes.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '30-44', 'patellar-tendinopathy', 1, 'Patellar tendinopathy is common in active adults.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', 'under-16', 'patellar-tendinopathy', -2, 'In growing children pain below the kneecap is more often a growth-plate problem.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'none', 'patellar-tendinopathy', 1, 'Patellar tendinopathy does not make the joint swell.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'bump', 'patellar-tendinopathy', -2, 'A bony bump below the kneecap points to a growth-plate problem rather than the tendon.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-below', 'patellar-tendinopathy', -3, 'Patellar tendinopathy is in the tendon just below the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-joint-line', 'patellar-tendinopathy', -3, 'Patellar tendinopathy is in the tendon just below the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-front', 'patellar-tendinopathy', -2, 'Patellar tendinopathy is in the tendon just below the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'outer', 'patellar-tendinopathy', -3, 'Patellar tendinopathy is at the front, not on the outer side.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'behind', 'patellar-tendinopathy', -3, 'Patellar tendinopathy is at the front, not behind the knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'hip-groin-thigh', 'patellar-tendinopathy', -3, 'Patellar tendinopathy is felt in the knee, not the hip.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'all-over', 'patellar-tendinopathy', -2, 'Patellar tendinopathy hurts at one spot below the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('run', 'no-change', 'patellar-tendinopathy', -2, 'A sore tendon usually changes with running.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'recent', 'patellar-tendinopathy', -2, 'Patellar tendinopathy builds up over time rather than starting with an injury.');
-- saphenous-nerve
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('feel', 'numb', 'saphenous-nerve', 5, 'A numb patch or pins and needles on the inner knee points to an irritated nerve.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('feel', 'burning', 'saphenous-nerve', 4, 'Burning pain on the inner side of the knee can come from the saphenous nerve.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-below', 'saphenous-nerve', 1, 'A branch of the saphenous nerve runs below the inner knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-joint-line', 'saphenous-nerve', 1, 'The saphenous nerve runs along the inner side of the knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-front', 'saphenous-nerve', 1, 'A branch of the saphenous nerve crosses below the inner edge of the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'outer', 'saphenous-nerve', -3, 'The saphenous nerve runs along the inner side of the knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'behind', 'saphenous-nerve', -2, 'The saphenous nerve runs along the inner side of the knee.');
-- referred-back-pain
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('joints', 'back', 'referred-back-pain', 6, 'Back pain, or pain running down the leg, can mean the knee pain comes from the back.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('feel', 'numb', 'referred-back-pain', 2, 'Numbness or tingling can come from a nerve in the back.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('feel', 'burning', 'referred-back-pain', 2, 'Burning pain can come from a nerve in the back.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'all-over', 'referred-back-pain', 1, 'Pain from the back is hard to pin to one spot.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'hip-groin-thigh', 'referred-back-pain', 1, 'Pain from the back often runs down the thigh.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'sitting', 'referred-back-pain', 1, 'Back pain is often worse with long sitting.');
-- training-load
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'training-change', 'training-load', 4, 'Pain that began after a change in training points to doing too much, too soon.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'gradual', 'training-load', -1, 'With no change in training, overload is less likely.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'sudden', 'training-load', -2, 'Overload builds up over days, not within hours.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'distance', 'training-load', 2, 'A rise in distance is the most common training error.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'speed', 'training-load', 1, 'A sudden change of pace adds load.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'jumping', 'training-load', 1, 'Jumps and sprints add load quickly.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'shoes', 'training-load', 1, 'A sudden change of shoes changes how the leg is loaded.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'surface', 'training-load', 1, 'A new surface changes the load on the leg.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'comeback', 'training-load', 2, 'After a break the body tolerates less running than before.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'hills', 'training-load', 1, 'Hills add load.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('duration', 'under-3-days', 'training-load', 1, 'A new ache after a hard spell of training fits overload.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('duration', 'over-6-weeks', 'training-load', -2, 'Pain from a training spike usually settles within a few weeks of easing off.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'all-over', 'training-load', 1, 'Overload often gives a general ache rather than one sore spot.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-joint-line', 'training-load', -1, 'Pain at one precise spot points to a particular structure rather than general overload.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-below', 'training-load', -1, 'Pain at one precise spot points to a particular structure rather than general overload.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('run', 'after', 'training-load', 2, 'An ache after runs that settles between them fits overload.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('run', 'no-change', 'training-load', -2, 'Pain that running does not change is not from running too much.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'night', 'training-load', -1, 'Overload aches with use rather than at night.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'recent', 'training-load', -3, 'It started with an injury rather than a change in training.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'weeks', 'training-load', -2, 'It started with an injury rather than a change in training.');
-- muscle-imbalance
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('control', 'yes', 'muscle-imbalance', 6, 'The knee dropping inwards on a single-leg squat points to weak hip and thigh muscles.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('control', 'no', 'muscle-imbalance', -2, 'Good control on a single-leg squat makes weak muscles a less likely cause.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'gradual', 'muscle-imbalance', 2, 'Weak or tight muscles cause pain that builds up slowly.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'training-change', 'muscle-imbalance', 1, 'More load shows up weak spots in the hip and thigh muscles.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'comeback', 'muscle-imbalance', 1, 'Muscles weaken during a break.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'giving-way', 'muscle-imbalance', 1, 'Weak thigh muscles can make the knee feel like it will give way.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'recent', 'muscle-imbalance', -2, 'Weak muscles cause pain that builds up gradually, not after an injury.');

-- Vetoes: answers that rule a cause out of the story's ranking.
INSERT INTO wizard_veto (question_id, option_id, cause_id, reason) VALUES ('location', 'inner-joint-line', 'it-band-syndrome', 'IT band syndrome hurts on the outer side; your pain is on the inner side.');
INSERT INTO wizard_veto (question_id, option_id, cause_id, reason) VALUES ('location', 'inner-below', 'it-band-syndrome', 'IT band syndrome hurts on the outer side; your pain is on the inner side.');
INSERT INTO wizard_veto (question_id, option_id, cause_id, reason) VALUES ('location', 'inner-front', 'it-band-syndrome', 'IT band syndrome hurts on the outer side; your pain is on the inner side.');
INSERT INTO wizard_veto (question_id, option_id, cause_id, reason) VALUES ('age', 'under-16', 'osteoarthritis', 'Osteoarthritis does not happen in children.');
INSERT INTO wizard_veto (question_id, option_id, cause_id, reason) VALUES ('age', '30-44', 'osgood-schlatter', 'Osgood-Schlatter happens only while the bones are growing.');
INSERT INTO wizard_veto (question_id, option_id, cause_id, reason) VALUES ('age', '45-54', 'osgood-schlatter', 'Osgood-Schlatter happens only while the bones are growing.');
INSERT INTO wizard_veto (question_id, option_id, cause_id, reason) VALUES ('age', '55-plus', 'osgood-schlatter', 'Osgood-Schlatter happens only while the bones are growing.');
INSERT INTO wizard_veto (question_id, option_id, cause_id, reason) VALUES ('age', '30-44', 'sinding-larsen-johansson', 'Sinding-Larsen-Johansson happens only while the bones are growing.');
INSERT INTO wizard_veto (question_id, option_id, cause_id, reason) VALUES ('age', '45-54', 'sinding-larsen-johansson', 'Sinding-Larsen-Johansson happens only while the bones are growing.');
INSERT INTO wizard_veto (question_id, option_id, cause_id, reason) VALUES ('age', '55-plus', 'sinding-larsen-johansson', 'Sinding-Larsen-Johansson happens only while the bones are growing.');
INSERT INTO wizard_veto (question_id, option_id, cause_id, reason) VALUES ('age', '16-29', 'child-hip', 'These hip problems happen in children.');
INSERT INTO wizard_veto (question_id, option_id, cause_id, reason) VALUES ('age', '30-44', 'child-hip', 'These hip problems happen in children.');
INSERT INTO wizard_veto (question_id, option_id, cause_id, reason) VALUES ('age', '45-54', 'child-hip', 'These hip problems happen in children.');
INSERT INTO wizard_veto (question_id, option_id, cause_id, reason) VALUES ('age', '55-plus', 'child-hip', 'These hip problems happen in children.');
INSERT INTO wizard_veto (question_id, option_id, cause_id, reason) VALUES ('injury', 'no', 'bone-bruise', 'A bruise needs a fall or a blow, and there was none.');

-- ===========================================================================
-- Engine rules, articles to read for each level, and what changed.
-- ===========================================================================
INSERT INTO wizard_rule (id, level, text, source, min_score, margin, list_score) VALUES ('unclear', 2, 'The answers do not point clearly to one cause. A physio or GP can examine the knee and tell the likely causes apart.', 'American Family Physician, Knee pain in adults and adolescents: the initial evaluation (2018) - https://www.aafp.org/pubs/afp/issues/2018/1101/p576.html (checked 2026-11-30)', 5, 2, 3);
INSERT INTO wizard_read (level, position, article_id) VALUES (1, 1, 'first-days');
INSERT INTO wizard_read (level, position, article_id) VALUES (1, 2, 'ice');
INSERT INTO wizard_read (level, position, article_id) VALUES (1, 3, 'not-getting-better');
INSERT INTO wizard_read (level, position, article_id) VALUES (2, 1, 'what-the-clinician-asks');
INSERT INTO wizard_read (level, position, article_id) VALUES (2, 2, 'not-getting-better');
INSERT INTO wizard_read (level, position, article_id) VALUES (3, 1, 'red-flags');
INSERT INTO wizard_read (level, position, article_id) VALUES (3, 2, 'emergency-signs');
INSERT INTO wizard_read (level, position, article_id) VALUES (4, 1, 'emergency-signs');
INSERT INTO wizard_read (level, position, article_id) VALUES (4, 2, 'red-flags');
INSERT INTO wizard_read (level, position, article_id) VALUES (5, 1, 'emergency-signs');
INSERT INTO wizard_read (level, position, article_id) VALUES (5, 2, 'red-flags');
INSERT INTO wizard_change (question_id, option_id, note) VALUES ('age', NULL, 'asked first now, and ''under-16'' asks about a child''s hip');
INSERT INTO wizard_change (question_id, option_id, note) VALUES ('side', NULL, 'which knee hurts: ''left'', ''right'' or ''both''');
INSERT INTO wizard_change (question_id, option_id, note) VALUES ('rf-foot', NULL, 'split into ''rf-foot-cold'' (a cold, pale or blue foot) and ''rf-foot-numb'' (new numbness, or cannot lift the toes)');
INSERT INTO wizard_change (question_id, option_id, note) VALUES ('rf-night-unwell', NULL, 'split into ''rf-night'' (night pain), ''rf-lump'' (a hard lump) and ''rf-weight-loss'' (weight loss or feeling unwell): any one is enough');
INSERT INTO wizard_change (question_id, option_id, note) VALUES ('rf-child-limp', NULL, 'now ''rf-child-hip'', asked for anyone under 16 (answer ''age'' first)');
INSERT INTO wizard_change (question_id, option_id, note) VALUES ('rf-foot-cold', NULL, 'split from ''rf-foot''');
INSERT INTO wizard_change (question_id, option_id, note) VALUES ('rf-foot-numb', NULL, 'split from ''rf-foot''');
INSERT INTO wizard_change (question_id, option_id, note) VALUES ('rf-night', NULL, 'split from ''rf-night-unwell''');
INSERT INTO wizard_change (question_id, option_id, note) VALUES ('rf-lump', NULL, 'split from ''rf-night-unwell''');
INSERT INTO wizard_change (question_id, option_id, note) VALUES ('rf-weight-loss', NULL, 'split from ''rf-night-unwell''');
INSERT INTO wizard_change (question_id, option_id, note) VALUES ('rf-child-hip', NULL, 'replaces ''rf-child-limp'', for anyone under 16');
INSERT INTO wizard_change (question_id, option_id, note) VALUES ('rf-kneecap-out', 'yes', '''yes'' is now ''first'' (the first time) or ''again'' (it has happened before)');
INSERT INTO wizard_change (question_id, option_id, note) VALUES ('injury', 'yes', '''yes'' now says when: ''recent'' (in the last 7 days), ''weeks'' (1 to 6 weeks ago) or ''older''');
INSERT INTO wizard_change (question_id, option_id, note) VALUES ('ot-age', NULL, 'removed: ''age'' is asked first, and 55 or over counts after a recent injury');
INSERT INTO wizard_change (question_id, option_id, note) VALUES ('ot-bend', NULL, 'now ''ot-can-bend'', asked the other way round: can you bend the knee to a right angle? (yes, no, not sure)');
INSERT INTO wizard_change (question_id, option_id, note) VALUES ('ot-steps', NULL, 'removed: ''rf-no-weight'' asks whether you can take four steps now');
INSERT INTO wizard_change (question_id, option_id, note) VALUES ('ot-other-bone', NULL, 'the kneecap and the other bones are asked about separately');
INSERT INTO wizard_change (question_id, option_id, note) VALUES ('ot-can-bend', NULL, 'replaces ''ot-bend'', asked the other way round');
INSERT INTO wizard_change (question_id, option_id, note) VALUES ('ot-excluded', NULL, 'when the Ottawa knee rules do not apply (a knee replacement, numb feet, fragile bones, drink or drugs)');
INSERT INTO wizard_change (question_id, option_id, note) VALUES ('joints', 'both-knees', 'moved: answer ''side=both''');
INSERT INTO wizard_change (question_id, option_id, note) VALUES ('hop', NULL, 'asked of everyone now, unless a warning sign or a recent injury makes hopping unwise');
