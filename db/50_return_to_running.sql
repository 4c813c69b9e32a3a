-- The return to running (issue 15): a walk-run programme over about six
-- weeks, the pain rule that decides each step, the causes it suits, the
-- warning signs asked in each session's safety check, and the strength
-- exercises beside it, each with its drawing. Loaded by
-- src/store/runplan_load.c, checked by src/pack/pack_runplan.c and the
-- engine's own kc_rp_def_check() (src/core/runplan.c). One INSERT row per
-- line so the packer can name file:line. Sentences are our own; facts from
-- the return-to-running and strength articles and the sources on each row.
--
-- Levels are never stated here: a cause's level is wizard_cause.min_level,
-- a sign's is sign.level. A cause at 'soon' (2) needs the person to confirm
-- a clinician's go-ahead before starting; danger causes and causes at 24h
-- or above are refused by the packer.

-- The programme: how often, how much rest between runs, the warm-up walk,
-- and the advice on where and how fast (return-to-running article).
CREATE TABLE run_programme (
  id                TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 32),
  title             TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 60),
  summary           TEXT NOT NULL,
  sessions_per_week INT NOT NULL CHECK (typeof(sessions_per_week) = 'integer'),
  rest_days         INT NOT NULL CHECK (typeof(rest_days) = 'integer'),
  warmup_min        INT NOT NULL CHECK (typeof(warmup_min) = 'integer'),
  surface           TEXT NOT NULL,
  pace              TEXT NOT NULL,
  article_id        TEXT NOT NULL,
  source            TEXT NOT NULL CHECK (length(source) > 0)
);

-- The steps, in order: run run_min, walk walk_min, repeats times (walk_min
-- 0 and one repeat: a continuous run). One step is meant to take a week.
CREATE TABLE run_stage (
  programme_id TEXT NOT NULL REFERENCES run_programme (id),
  position     INT NOT NULL CHECK (typeof(position) = 'integer'),
  run_min      INT NOT NULL CHECK (typeof(run_min) = 'integer'),
  walk_min     INT NOT NULL CHECK (typeof(walk_min) = 'integer'),
  repeats      INT NOT NULL CHECK (typeof(repeats) = 'integer'),
  source       TEXT NOT NULL CHECK (length(source) > 0),
  PRIMARY KEY (programme_id, position)
);

-- THE PAIN RULE, written once: pain during a run and the next morning of at
-- most during_max (0-10) with the morning no higher than after the last run
-- is a good run; good_to_progress good runs in a row move up a step; a run
-- over the limit, unsettled or worse repeats the step, and bad_to_step_back
-- of them in a row go back one; each full gap_days without a run (pauses
-- excluded) costs a step; stall_days without moving up means see a physio
-- or GP soon. A warning sign at any point stops the programme at the
-- sign's level (engine, not data: it cannot be switched off here).
-- during_max is 3: the article's "about 3 to 4", at its lower end, and the
-- strength articles' limit, so runs and exercises follow one number. The
-- pain-monitoring model itself allowed 5; we stay below it on purpose.
CREATE TABLE run_rule (
  programme_id     TEXT PRIMARY KEY REFERENCES run_programme (id),
  during_max       INT NOT NULL CHECK (typeof(during_max) = 'integer'),
  good_to_progress INT NOT NULL CHECK (typeof(good_to_progress) = 'integer'),
  bad_to_step_back INT NOT NULL CHECK (typeof(bad_to_step_back) = 'integer'),
  gap_days         INT NOT NULL CHECK (typeof(gap_days) = 'integer'),
  stall_days       INT NOT NULL CHECK (typeof(stall_days) = 'integer'),
  text             TEXT NOT NULL,
  source           TEXT NOT NULL CHECK (length(source) > 0)
);

-- The causes (wizard_cause ids) the programme suits: overuse problems where
-- a graded return is the usual advice. Not here: every danger cause, and
-- injuries whose return a physio leads (ligament and meniscus tears,
-- kneecap dislocation, stress fractures). Causes still to come from the
-- triage data (for example patellar-tendinopathy) are added once they exist.
CREATE TABLE run_cause (
  programme_id TEXT NOT NULL REFERENCES run_programme (id),
  cause_id     TEXT NOT NULL,
  position     INT NOT NULL CHECK (typeof(position) = 'integer'),
  source       TEXT NOT NULL CHECK (length(source) > 0),
  PRIMARY KEY (programme_id, cause_id)
);

-- Warning signs (sign ids) asked in every session's short safety check, in
-- this order, on top of the signs the daily plan check asks (sign.recheck):
-- the ones the return-to-running article names, and the hip stress
-- fracture sign that gets worse with each run.
CREATE TABLE run_check (
  programme_id TEXT NOT NULL REFERENCES run_programme (id),
  sign_id      TEXT NOT NULL,
  position     INT NOT NULL CHECK (typeof(position) = 'integer'),
  PRIMARY KEY (programme_id, sign_id)
);

-- Strength exercises from the strength articles. level: the article's
-- stage (1 a sore knee, 2 once stage 1 is easy, 3 before and during the
-- return to running). A dose is sets x reps, or sets x a hold in seconds
-- (the other pair 0); per_side 1 means on each side.
CREATE TABLE run_exercise (
  id         TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 32),
  position   INT NOT NULL UNIQUE CHECK (typeof(position) = 'integer'),
  name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  level      INT NOT NULL CHECK (level IN (1, 2, 3)),
  article_id TEXT NOT NULL,
  sets_min   INT NOT NULL CHECK (typeof(sets_min) = 'integer'),
  sets_max   INT NOT NULL CHECK (typeof(sets_max) = 'integer'),
  reps_min   INT NOT NULL CHECK (typeof(reps_min) = 'integer'),
  reps_max   INT NOT NULL CHECK (typeof(reps_max) = 'integer'),
  hold_min   INT NOT NULL CHECK (typeof(hold_min) = 'integer'),
  hold_max   INT NOT NULL CHECK (typeof(hold_max) = 'integer'),
  per_side   INT NOT NULL CHECK (per_side IN (0, 1)),
  easier     TEXT NOT NULL,
  harder     TEXT NOT NULL,
  source     TEXT NOT NULL CHECK (length(source) > 0)
);

-- The how-to: 2 to 4 short steps per exercise.
CREATE TABLE run_exercise_step (
  exercise_id TEXT NOT NULL REFERENCES run_exercise (id),
  position    INT NOT NULL CHECK (typeof(position) = 'integer'),
  text        TEXT NOT NULL,
  PRIMARY KEY (exercise_id, position)
);

-- The drawing of the start and end positions, one row of text per line:
-- charset 'box' uses line-drawing characters, 'ascii' is its twin for
-- terminals without them (same rows, same widths; at most 36 x 8).
CREATE TABLE run_exercise_art (
  exercise_id TEXT NOT NULL REFERENCES run_exercise (id),
  charset     TEXT NOT NULL CHECK (charset IN ('box', 'ascii')),
  row         INT NOT NULL CHECK (typeof(row) = 'integer'),
  text        TEXT NOT NULL,
  PRIMARY KEY (exercise_id, charset, row)
);

-- ===========================================================================
-- The walk-run programme (return-to-running article, NHS Couch to 5K).
-- ===========================================================================
INSERT INTO run_programme (id, title, summary, sessions_per_week, rest_days, warmup_min, surface, pace, article_id, source) VALUES ('walk-run', 'Walk-run return to running', 'Six steps of walking and running, about a week each, three runs a week; your own pain scores decide when you move on.', 3, 1, 5, 'Pick flat, even ground such as a park path or a running track, and keep to the same route and shoes for now. Hills, trails and faster running can wait until you run comfortably again.', 'Go slowly enough to chat in full sentences. The walking breaks are part of the plan, not a sign of failing.', 'return-to-running', 'NHS, Couch to 5K running plan (3 runs a week with a rest day between, each after a 5-minute brisk walk) - https://www.nhs.uk/better-health/get-active/get-running-with-couch-to-5k/couch-to-5k-running-plan (checked 2026-11-30) ; Silbernagel KG et al., Continued sports activity, using a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy (Am J Sports Med 2007) - https://pubmed.ncbi.nlm.nih.gov/17307888/ (checked 2026-11-30)');
INSERT INTO run_stage (programme_id, position, run_min, walk_min, repeats, source) VALUES ('walk-run', 1, 1, 2, 6, 'NHS, Couch to 5K running plan (3 runs a week with a rest day between, each after a 5-minute brisk walk) - https://www.nhs.uk/better-health/get-active/get-running-with-couch-to-5k/couch-to-5k-running-plan (checked 2026-11-30)');
INSERT INTO run_stage (programme_id, position, run_min, walk_min, repeats, source) VALUES ('walk-run', 2, 2, 2, 5, 'NHS, Couch to 5K running plan (3 runs a week with a rest day between, each after a 5-minute brisk walk) - https://www.nhs.uk/better-health/get-active/get-running-with-couch-to-5k/couch-to-5k-running-plan (checked 2026-11-30)');
INSERT INTO run_stage (programme_id, position, run_min, walk_min, repeats, source) VALUES ('walk-run', 3, 3, 1, 5, 'NHS, Couch to 5K running plan (3 runs a week with a rest day between, each after a 5-minute brisk walk) - https://www.nhs.uk/better-health/get-active/get-running-with-couch-to-5k/couch-to-5k-running-plan (checked 2026-11-30)');
INSERT INTO run_stage (programme_id, position, run_min, walk_min, repeats, source) VALUES ('walk-run', 4, 5, 1, 4, 'NHS, Couch to 5K running plan (3 runs a week with a rest day between, each after a 5-minute brisk walk) - https://www.nhs.uk/better-health/get-active/get-running-with-couch-to-5k/couch-to-5k-running-plan (checked 2026-11-30)');
INSERT INTO run_stage (programme_id, position, run_min, walk_min, repeats, source) VALUES ('walk-run', 5, 10, 1, 2, 'NHS, Couch to 5K running plan (3 runs a week with a rest day between, each after a 5-minute brisk walk) - https://www.nhs.uk/better-health/get-active/get-running-with-couch-to-5k/couch-to-5k-running-plan (checked 2026-11-30)');
INSERT INTO run_stage (programme_id, position, run_min, walk_min, repeats, source) VALUES ('walk-run', 6, 20, 0, 1, 'NHS, Couch to 5K running plan (3 runs a week with a rest day between, each after a 5-minute brisk walk) - https://www.nhs.uk/better-health/get-active/get-running-with-couch-to-5k/couch-to-5k-running-plan (checked 2026-11-30)');

-- ===========================================================================
-- The pain rule (pain-monitoring model, with a lower limit).
-- ===========================================================================
INSERT INTO run_rule (programme_id, during_max, good_to_progress, bad_to_step_back, gap_days, stall_days, text, source) VALUES ('walk-run', 3, 3, 2, 7, 14, 'Score the knee from 0 (no pain) to 10 (the worst you can imagine) during each run and again the next morning. A run counts as good when both scores are 3 or lower and the morning score is no higher than after your previous run. Three good runs in a row move you up a step. A score above 3, or a morning that is worse, means doing the same step again, and two of those in a row take you back a step. A full week without running also costs a step, because the knee copes with less after a break. Any warning sign ends the programme, and the guide shows where to get help.', 'Silbernagel KG et al., Continued sports activity, using a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy (Am J Sports Med 2007) - https://pubmed.ncbi.nlm.nih.gov/17307888/ (checked 2026-11-30) ; East Lancashire Hospitals NHS Trust, Knee pain not caused by an accident or injury (activity tolerance drops after rest or illness; a painful reaction can come over the next 24 hours) - https://elht.nhs.uk/services/integrated-msk-pain-and-rheumatology-service/how-access-our-service/knee-pain-not-caused-accident-or-injury (checked 2026-11-30)');

-- ===========================================================================
-- Causes the programme suits (wizard_cause ids).
-- ===========================================================================
INSERT INTO run_cause (programme_id, cause_id, position, source) VALUES ('walk-run', 'runners-knee', 1, 'Crossley KM et al., 2016 Patellofemoral pain consensus statement, part 2: recommended physical interventions (BJSM 2016) - https://pmc.ncbi.nlm.nih.gov/articles/PMC4975825/ (checked 2026-11-30)');
INSERT INTO run_cause (programme_id, cause_id, position, source) VALUES ('walk-run', 'training-load', 2, 'Frandsen JSB et al., How much running is too much? Identifying high-risk running sessions in a 5200-person cohort study (BJSM 2025) - https://pubmed.ncbi.nlm.nih.gov/40623829/ (checked 2026-11-30) ; East Lancashire Hospitals NHS Trust, Knee pain not caused by an accident or injury (activity tolerance drops after rest or illness; a painful reaction can come over the next 24 hours) - https://elht.nhs.uk/services/integrated-msk-pain-and-rheumatology-service/how-access-our-service/knee-pain-not-caused-accident-or-injury (checked 2026-11-30)');
INSERT INTO run_cause (programme_id, cause_id, position, source) VALUES ('walk-run', 'muscle-imbalance', 3, 'Lack S et al., Proximal muscle rehabilitation is effective for patellofemoral pain: a systematic review with meta-analysis (BJSM 2015) - https://bjsm.bmj.com/content/49/21/1365 (checked 2026-11-30)');
INSERT INTO run_cause (programme_id, cause_id, position, source) VALUES ('walk-run', 'pes-anserine-bursitis', 4, 'East Lancashire Hospitals NHS Trust, Knee pain not caused by an accident or injury (activity tolerance drops after rest or illness; a painful reaction can come over the next 24 hours) - https://elht.nhs.uk/services/integrated-msk-pain-and-rheumatology-service/how-access-our-service/knee-pain-not-caused-accident-or-injury (checked 2026-11-30)');
INSERT INTO run_cause (programme_id, cause_id, position, source) VALUES ('walk-run', 'it-band-syndrome', 5, 'East Lancashire Hospitals NHS Trust, Knee pain not caused by an accident or injury (activity tolerance drops after rest or illness; a painful reaction can come over the next 24 hours) - https://elht.nhs.uk/services/integrated-msk-pain-and-rheumatology-service/how-access-our-service/knee-pain-not-caused-accident-or-injury (checked 2026-11-30)');
INSERT INTO run_cause (programme_id, cause_id, position, source) VALUES ('walk-run', 'medial-plica', 6, 'Lee PYF et al., Synovial plica syndrome of the knee: a commonly overlooked cause of anterior knee pain (Surg J 2017) - https://pmc.ncbi.nlm.nih.gov/articles/PMC5553487 (checked 2026-11-30)');
INSERT INTO run_cause (programme_id, cause_id, position, source) VALUES ('walk-run', 'osteoarthritis', 7, 'NICE, Osteoarthritis in over 16s: diagnosis and management (NG226), recommendations: therapeutic exercise is a core treatment - https://www.nice.org.uk/guidance/ng226/chapter/Recommendations (checked 2026-11-30)');
INSERT INTO run_cause (programme_id, cause_id, position, source) VALUES ('walk-run', 'mcl-injury', 8, 'Dorset MSK (NHS Dorset), Knee ligament and cartilage injuries - https://mskdorset.nhs.uk/knee-pain/knee-pain-ligament-cartilage-injuries (checked 2026-11-30)');
INSERT INTO run_cause (programme_id, cause_id, position, source) VALUES ('walk-run', 'hamstring-calf-strain', 9, 'NHS, Hamstring injury - https://www.nhs.uk/conditions/hamstring-injury/ (checked 2026-11-30)');
INSERT INTO run_cause (programme_id, cause_id, position, source) VALUES ('walk-run', 'bone-bruise', 10, 'NHS Tayside, Referral help: bone bruising and bone marrow oedema - https://www.nhstayside.scot.nhs.uk/WorkingWithUs/ReferralHelpSystem/PROD_354627/index.htm (checked 2026-11-30)');
INSERT INTO run_cause (programme_id, cause_id, position, source) VALUES ('walk-run', 'osgood-schlatter', 11, 'East Sussex Healthcare NHS Trust, Osgood-Schlatter''s disease - https://www.esht.nhs.uk/leaflet/osgood-schlatters-disease/ (checked 2026-11-30)');
INSERT INTO run_cause (programme_id, cause_id, position, source) VALUES ('walk-run', 'sinding-larsen-johansson', 12, 'East Sussex Healthcare NHS Trust, Osgood-Schlatter''s disease - https://www.esht.nhs.uk/leaflet/osgood-schlatters-disease/ (checked 2026-11-30)');
INSERT INTO run_cause (programme_id, cause_id, position, source) VALUES ('walk-run', 'patellar-tendinopathy', 13, 'Archives of Orthopaedic and Trauma Surgery (2023), Patellar tendinopathy: an overview of prevalence, risk factors, screening, diagnosis, treatment and prevention - https://pubmed.ncbi.nlm.nih.gov/37542006/ (checked 2026-11-30)');

-- ===========================================================================
-- Warning signs asked before each run and with the next-morning score.
-- ===========================================================================
INSERT INTO run_check (programme_id, sign_id, position) VALUES ('walk-run', 'locks-briefly', 1);
INSERT INTO run_check (programme_id, sign_id, position) VALUES ('walk-run', 'gives-way', 2);
INSERT INTO run_check (programme_id, sign_id, position) VALUES ('walk-run', 'fast-swelling', 3);
INSERT INTO run_check (programme_id, sign_id, position) VALUES ('walk-run', 'night-pain', 4);
INSERT INTO run_check (programme_id, sign_id, position) VALUES ('walk-run', 'shin-bone-tender', 5);
INSERT INTO run_check (programme_id, sign_id, position) VALUES ('walk-run', 'hip-groin-running', 6);

-- ===========================================================================
-- Strength exercises (knee-exercises and core-strength articles).
-- ===========================================================================
INSERT INTO run_exercise (id, position, name, level, article_id, sets_min, sets_max, reps_min, reps_max, hold_min, hold_max, per_side, easier, harder, source) VALUES ('straight-leg-raise', 1, 'Straight-leg raise', 1, 'knee-exercises', 2, 3, 10, 10, 0, 0, 1, 'Tense the thigh and keep it tight for 5 seconds without lifting the leg.', 'Keep the leg up for 5 to 10 seconds, or wear a light ankle weight.', 'Cambridge University Hospitals NHS Foundation Trust, Knee exercises (straight leg raises) - https://www.cuh.nhs.uk/patient-information/knee-exercises/ (checked 2026-11-30)');
INSERT INTO run_exercise (id, position, name, level, article_id, sets_min, sets_max, reps_min, reps_max, hold_min, hold_max, per_side, easier, harder, source) VALUES ('wall-sit', 2, 'Wall sit', 1, 'knee-exercises', 3, 5, 0, 0, 20, 45, 0, 'Bend the knees less, or shorten the hold.', 'Go a little lower, never past thighs level with the floor, or hold for longer.', 'Crossley KM et al., 2016 Patellofemoral pain consensus statement, part 2: recommended physical interventions (BJSM 2016) - https://pmc.ncbi.nlm.nih.gov/articles/PMC4975825/ (checked 2026-11-30)');
INSERT INTO run_exercise (id, position, name, level, article_id, sets_min, sets_max, reps_min, reps_max, hold_min, hold_max, per_side, easier, harder, source) VALUES ('sit-to-stand', 3, 'Sit to stand', 2, 'knee-exercises', 2, 3, 8, 12, 0, 0, 0, 'Push off with your hands, or use a higher seat.', 'Fold your arms, use a lower seat, hold a weight, or squat without the chair only as low as feels comfortable.', 'NHS Tayside, Exercises to try at home (sit to stand, heel raises) - https://rightdecisions.scot.nhs.uk/being-a-partner-in-my-care-realistic-medicine-together/local-resources/nhs-tayside/exercises-to-try-at-home (checked 2026-11-30)');
INSERT INTO run_exercise (id, position, name, level, article_id, sets_min, sets_max, reps_min, reps_max, hold_min, hold_max, per_side, easier, harder, source) VALUES ('step-down', 4, 'Step-down', 2, 'knee-exercises', 2, 3, 8, 10, 0, 0, 1, 'Use a lower step, or just bend the standing knee a little on flat ground.', 'Use a higher step, or take a slow count of 3 on the way down.', 'Cambridge University Hospitals NHS Foundation Trust, Patello femoral syndrome (step-ups, single leg dips, lunges) - https://cuh.nhs.uk/patient-information/patello-femoral-syndrome-anterior-knee-pain-or-chondromalacia-patella (checked 2026-11-30)');
INSERT INTO run_exercise (id, position, name, level, article_id, sets_min, sets_max, reps_min, reps_max, hold_min, hold_max, per_side, easier, harder, source) VALUES ('split-squat', 5, 'Split squat', 3, 'knee-exercises', 2, 3, 8, 10, 0, 0, 1, 'Bend less, and hold on to a chair or wall.', 'Go lower, carry weights, or step forward into each lunge.', 'Cambridge University Hospitals NHS Foundation Trust, Patello femoral syndrome (step-ups, single leg dips, lunges) - https://cuh.nhs.uk/patient-information/patello-femoral-syndrome-anterior-knee-pain-or-chondromalacia-patella (checked 2026-11-30)');
INSERT INTO run_exercise (id, position, name, level, article_id, sets_min, sets_max, reps_min, reps_max, hold_min, hold_max, per_side, easier, harder, source) VALUES ('side-lying-leg-raise', 6, 'Side-lying leg raise', 1, 'knee-exercises', 2, 3, 10, 15, 0, 0, 1, 'Lift it a shorter way.', 'Add an ankle weight, or a light exercise band round the ankles.', 'Lack S et al., Proximal muscle rehabilitation is effective for patellofemoral pain: a systematic review with meta-analysis (BJSM 2015) - https://bjsm.bmj.com/content/49/21/1365 (checked 2026-11-30) ; Crossley KM et al., 2016 Patellofemoral pain consensus statement, part 2: recommended physical interventions (BJSM 2016) - https://pmc.ncbi.nlm.nih.gov/articles/PMC4975825/ (checked 2026-11-30)');
INSERT INTO run_exercise (id, position, name, level, article_id, sets_min, sets_max, reps_min, reps_max, hold_min, hold_max, per_side, easier, harder, source) VALUES ('clamshell', 7, 'Clamshell', 1, 'knee-exercises', 2, 3, 10, 15, 0, 0, 1, 'Open the knee a smaller way.', 'Loop a light exercise band round the thighs just above the knees.', 'Lack S et al., Proximal muscle rehabilitation is effective for patellofemoral pain: a systematic review with meta-analysis (BJSM 2015) - https://bjsm.bmj.com/content/49/21/1365 (checked 2026-11-30)');
INSERT INTO run_exercise (id, position, name, level, article_id, sets_min, sets_max, reps_min, reps_max, hold_min, hold_max, per_side, easier, harder, source) VALUES ('glute-bridge', 8, 'Glute bridge', 1, 'knee-exercises', 2, 3, 10, 15, 0, 0, 0, 'Lift the hips only part of the way.', 'Do it on one leg, holding the other leg out straight.', 'Lack S et al., Proximal muscle rehabilitation is effective for patellofemoral pain: a systematic review with meta-analysis (BJSM 2015) - https://bjsm.bmj.com/content/49/21/1365 (checked 2026-11-30)');
INSERT INTO run_exercise (id, position, name, level, article_id, sets_min, sets_max, reps_min, reps_max, hold_min, hold_max, per_side, easier, harder, source) VALUES ('side-plank', 9, 'Side plank', 2, 'knee-exercises', 2, 3, 0, 0, 10, 30, 1, 'Hold for a shorter time.', 'Straighten the legs and balance on your feet, or raise the top leg while you hold.', 'Kent and Medway NHS and Social Care Partnership Trust, Physiotherapy strength exercise guide: elbow plank and side plank - https://kmpt.nhs.uk/pdf-documents/coronavirus-documents/coronavirus-page-documents/physiotherapy-strength-exercise-guide/introduction/elbow-plank-and-side-plank (checked 2026-11-30) ; Lack S et al., Proximal muscle rehabilitation is effective for patellofemoral pain: a systematic review with meta-analysis (BJSM 2015) - https://bjsm.bmj.com/content/49/21/1365 (checked 2026-11-30)');
INSERT INTO run_exercise (id, position, name, level, article_id, sets_min, sets_max, reps_min, reps_max, hold_min, hold_max, per_side, easier, harder, source) VALUES ('calf-raise', 10, 'Calf raise', 1, 'knee-exercises', 2, 3, 10, 15, 0, 0, 0, 'Hold on with both hands and rise only partly.', 'Rise on one leg, then on one leg with the heel dropping below the edge of a step.', 'NHS Tayside, Exercises to try at home (sit to stand, heel raises) - https://rightdecisions.scot.nhs.uk/being-a-partner-in-my-care-realistic-medicine-together/local-resources/nhs-tayside/exercises-to-try-at-home (checked 2026-11-30)');
INSERT INTO run_exercise (id, position, name, level, article_id, sets_min, sets_max, reps_min, reps_max, hold_min, hold_max, per_side, easier, harder, source) VALUES ('single-leg-balance', 11, 'Single-leg balance', 2, 'knee-exercises', 3, 3, 0, 0, 20, 30, 1, 'Keep one fingertip on the support throughout.', 'Close your eyes, stand on a cushion, or reach slowly across your body with one hand.', 'NHS inform, Strength and balance exercises (balance on one leg) - https://www.nhsinform.scot/healthy-living/preventing-falls/keeping-well/strength-and-balance-exercises (checked 2026-11-30)');
INSERT INTO run_exercise (id, position, name, level, article_id, sets_min, sets_max, reps_min, reps_max, hold_min, hold_max, per_side, easier, harder, source) VALUES ('front-plank', 12, 'Front plank', 2, 'core-strength', 3, 5, 0, 0, 10, 30, 0, 'Keep your knees down, or hold for 5 to 10 seconds.', 'Hold for longer, or lift one foot a little while you hold.', 'Kent and Medway NHS and Social Care Partnership Trust, Physiotherapy strength exercise guide: elbow plank and side plank - https://kmpt.nhs.uk/pdf-documents/coronavirus-documents/coronavirus-page-documents/physiotherapy-strength-exercise-guide/introduction/elbow-plank-and-side-plank (checked 2026-11-30)');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('straight-leg-raise', 1, 'Lie on your back; bend the other knee and put that foot flat.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('straight-leg-raise', 2, 'Tense the front of the thigh of the straight leg so the kneecap draws up.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('straight-leg-raise', 3, 'Raise the straight leg to about the height of the bent knee and keep it there for 2 seconds.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('straight-leg-raise', 4, 'Let it down slowly.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('wall-sit', 1, 'Lean your back on a wall with your feet hip-width apart and about a step out from it.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('wall-sit', 2, 'Slide down until the knees bend a little, each knee in line with the second toe.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('wall-sit', 3, 'Stay there for the hold time, then slide back up.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('sit-to-stand', 1, 'Sit towards the front of a sturdy chair, feet hip-width apart and tucked slightly back.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('sit-to-stand', 2, 'Lean forward a little and rise slowly, driving through your heels.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('sit-to-stand', 3, 'Step back until the chair touches your legs, then sit down under control.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('step-down', 1, 'Stand on the sore leg on a low step, with a hand on a rail or wall.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('step-down', 2, 'Bend the standing knee slowly until the other heel touches the floor, kneecap over the second toe.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('step-down', 3, 'Straighten the standing leg to come back up.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('split-squat', 1, 'Stand with one foot a long stride ahead of the other, toes forward; hold a support if you like.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('split-squat', 2, 'Lower yourself by bending both knees, the front kneecap over the second toe.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('split-squat', 3, 'Press through the front foot to rise again.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('side-lying-leg-raise', 1, 'Lie on your side, bottom knee bent and top leg straight.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('side-lying-leg-raise', 2, 'Raise the top leg heel first, toes facing forward, without letting the hips roll back.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('side-lying-leg-raise', 3, 'Lower it slowly.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('clamshell', 1, 'Lie on your side with hips and knees bent and heels together.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('clamshell', 2, 'Keep the feet touching and open the top knee, without the hips rolling back.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('clamshell', 3, 'Close it slowly.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('glute-bridge', 1, 'Lie on your back, knees bent, feet flat and hip-width apart.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('glute-bridge', 2, 'Tighten your buttocks and lift your hips until shoulders, hips and knees make a straight line.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('glute-bridge', 3, 'Stay up for 2 seconds, then lower slowly.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('side-plank', 1, 'Lie on your side on your forearm, elbow below the shoulder, knees bent.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('side-plank', 2, 'Raise your hips so your body is straight from head to knees.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('side-plank', 3, 'Hold, then lower.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('calf-raise', 1, 'Stand tall with feet hip-width apart, holding a support.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('calf-raise', 2, 'Rise onto the balls of the feet over a slow count of 3, weight over the big toes.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('calf-raise', 3, 'Come down over a slow count of 5.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('single-leg-balance', 1, 'Stand on the sore leg beside a wall or worktop, knee soft rather than locked.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('single-leg-balance', 2, 'Keep the hips level and hold your balance.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('single-leg-balance', 3, 'Touch the support only when you need it.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('front-plank', 1, 'Lie face down on your forearms, elbows under the shoulders.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('front-plank', 2, 'Lift your body into a straight line from shoulders to knees, or to feet.');
INSERT INTO run_exercise_step (exercise_id, position, text) VALUES ('front-plank', 3, 'Hold without letting the lower back sag, then lower.');

-- Drawings: 'start' on the left, 'end' on the right; the ASCII twin after.
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('straight-leg-raise', 'box', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('straight-leg-raise', 'box', 2, '');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('straight-leg-raise', 'box', 3, '                            ╱');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('straight-leg-raise', 'box', 4, ' o────────────      o──────╱');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('straight-leg-raise', 'box', 5, '══════════════     ══════════════');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('straight-leg-raise', 'ascii', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('straight-leg-raise', 'ascii', 2, '');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('straight-leg-raise', 'ascii', 3, '                            /');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('straight-leg-raise', 'ascii', 4, ' o------------      o------/');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('straight-leg-raise', 'ascii', 5, '==============     ==============');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('wall-sit', 'box', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('wall-sit', 'box', 2, '║ o                ║');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('wall-sit', 'box', 3, '║ │                ║o');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('wall-sit', 'box', 4, '║ │                ║│');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('wall-sit', 'box', 5, '║ │                ║└──┐');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('wall-sit', 'box', 6, '║ │                ║   │');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('wall-sit', 'box', 7, '╚═╧═════           ╚═══╧═══');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('wall-sit', 'ascii', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('wall-sit', 'ascii', 2, '| o                |');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('wall-sit', 'ascii', 3, '| |                |o');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('wall-sit', 'ascii', 4, '| |                ||');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('wall-sit', 'ascii', 5, '| |                |+--+');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('wall-sit', 'ascii', 6, '| |                |   |');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('wall-sit', 'ascii', 7, '+=======           +=======');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('sit-to-stand', 'box', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('sit-to-stand', 'box', 2, ' o                     o');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('sit-to-stand', 'box', 3, ' │                     │');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('sit-to-stand', 'box', 4, ' └──┐                  │');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('sit-to-stand', 'box', 5, '┌─┐ │              ┌─┐ │');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('sit-to-stand', 'box', 6, '│ │ │              │ │ │');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('sit-to-stand', 'box', 7, '╧═╧═╧═══           ╧═╧═╧═══');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('sit-to-stand', 'ascii', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('sit-to-stand', 'ascii', 2, ' o                     o');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('sit-to-stand', 'ascii', 3, ' |                     |');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('sit-to-stand', 'ascii', 4, ' +--+                  |');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('sit-to-stand', 'ascii', 5, '+-+ |              +-+ |');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('sit-to-stand', 'ascii', 6, '| | |              | | |');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('sit-to-stand', 'ascii', 7, '========           ========');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('step-down', 'box', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('step-down', 'box', 2, '  o                  o');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('step-down', 'box', 3, '  │                  │');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('step-down', 'box', 4, '  │                 ╱ ╲');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('step-down', 'box', 5, '┌─┴──┐             ┌┴──┐╲');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('step-down', 'box', 6, '│    │             │   │ ╲');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('step-down', 'box', 7, '╧════╧══           ╧═══╧══╧');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('step-down', 'ascii', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('step-down', 'ascii', 2, '  o                  o');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('step-down', 'ascii', 3, '  |                  |');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('step-down', 'ascii', 4, '  |                 / \');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('step-down', 'ascii', 5, '+-+--+             ++--+\');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('step-down', 'ascii', 6, '|    |             |   | \');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('step-down', 'ascii', 7, '========           ========');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('split-squat', 'box', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('split-squat', 'box', 2, '    o                  o');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('split-squat', 'box', 3, '    │                  │');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('split-squat', 'box', 4, '   ╱ ╲                ╱└─┐');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('split-squat', 'box', 5, '  ╱   ╲             ─┘   │');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('split-squat', 'box', 6, '═╧═════╧═          ══════╧══');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('split-squat', 'ascii', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('split-squat', 'ascii', 2, '    o                  o');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('split-squat', 'ascii', 3, '    |                  |');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('split-squat', 'ascii', 4, '   / \                /+-+');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('split-squat', 'ascii', 5, '  /   \             -+   |');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('split-squat', 'ascii', 6, '=========          =========');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('side-lying-leg-raise', 'box', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('side-lying-leg-raise', 'box', 2, '');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('side-lying-leg-raise', 'box', 3, '                              ╱');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('side-lying-leg-raise', 'box', 4, ' o────────────      o───────╱──');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('side-lying-leg-raise', 'box', 5, '══════════════     ══════════════');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('side-lying-leg-raise', 'ascii', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('side-lying-leg-raise', 'ascii', 2, '');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('side-lying-leg-raise', 'ascii', 3, '                              /');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('side-lying-leg-raise', 'ascii', 4, ' o------------      o-------/--');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('side-lying-leg-raise', 'ascii', 5, '==============     ==============');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('clamshell', 'box', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('clamshell', 'box', 2, '                          ╱');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('clamshell', 'box', 3, ' o────╲             o────╱╲');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('clamshell', 'box', 4, '       ╲──                ╲──');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('clamshell', 'box', 5, '══════════════     ══════════════');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('clamshell', 'ascii', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('clamshell', 'ascii', 2, '                          /');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('clamshell', 'ascii', 3, ' o----\             o----/\');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('clamshell', 'ascii', 4, '       \--                \--');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('clamshell', 'ascii', 5, '==============     ==============');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('glute-bridge', 'box', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('glute-bridge', 'box', 2, '');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('glute-bridge', 'box', 3, '       ╱╲               ╱──╲');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('glute-bridge', 'box', 4, ' o────╱  ╲          o──╱    ╲');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('glute-bridge', 'box', 5, '══════════════     ══════════════');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('glute-bridge', 'ascii', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('glute-bridge', 'ascii', 2, '');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('glute-bridge', 'ascii', 3, '       /\               /--\');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('glute-bridge', 'ascii', 4, ' o----/  \          o--/    \');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('glute-bridge', 'ascii', 5, '==============     ==============');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('side-plank', 'box', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('side-plank', 'box', 2, '                    o╲');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('side-plank', 'box', 3, '                    │ ╲');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('side-plank', 'box', 4, ' o──────────        │  ╲');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('side-plank', 'box', 5, '══════════════     ═╧═══╧════════');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('side-plank', 'ascii', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('side-plank', 'ascii', 2, '                    o\');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('side-plank', 'ascii', 3, '                    | \');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('side-plank', 'ascii', 4, ' o----------        |  \');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('side-plank', 'ascii', 5, '==============     ==============');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('calf-raise', 'box', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('calf-raise', 'box', 2, '  o                  o');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('calf-raise', 'box', 3, '  │                  │');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('calf-raise', 'box', 4, '  │                  │');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('calf-raise', 'box', 5, '  └─                  ╲');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('calf-raise', 'box', 6, '══════             ════╧═');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('calf-raise', 'ascii', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('calf-raise', 'ascii', 2, '  o                  o');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('calf-raise', 'ascii', 3, '  |                  |');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('calf-raise', 'ascii', 4, '  |                  |');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('calf-raise', 'ascii', 5, '  +-                  \');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('calf-raise', 'ascii', 6, '======             ======');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('single-leg-balance', 'box', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('single-leg-balance', 'box', 2, '  o                  o');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('single-leg-balance', 'box', 3, ' ─┼─                ─┼─');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('single-leg-balance', 'box', 4, '  │                  ├─┐');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('single-leg-balance', 'box', 5, ' ╱ ╲                 │');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('single-leg-balance', 'box', 6, '═╧═╧══             ══╧═══');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('single-leg-balance', 'ascii', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('single-leg-balance', 'ascii', 2, '  o                  o');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('single-leg-balance', 'ascii', 3, ' -+-                -+-');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('single-leg-balance', 'ascii', 4, '  |                  +-+');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('single-leg-balance', 'ascii', 5, ' / \                 |');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('single-leg-balance', 'ascii', 6, '======             ======');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('front-plank', 'box', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('front-plank', 'box', 2, '');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('front-plank', 'box', 3, '                    o──────────');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('front-plank', 'box', 4, ' o─┬────────        │          ╲');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('front-plank', 'box', 5, '═══╧══════════     ═╧═══════════╧');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('front-plank', 'ascii', 1, 'start              end');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('front-plank', 'ascii', 2, '');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('front-plank', 'ascii', 3, '                    o----------');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('front-plank', 'ascii', 4, ' o-+--------        |          \');
INSERT INTO run_exercise_art (exercise_id, charset, row, text) VALUES ('front-plank', 'ascii', 5, '==============     ==============');
