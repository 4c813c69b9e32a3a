-- The symptom wizard: questions, options (with triage levels and their
-- sources), causes, evidence weights, engine rules and articles to read next.
-- Loaded by src/store/wizard_load.c and checked by kc_wz_def_validate()
-- (src/core/wizard.c). One INSERT row per line, so the packer can pin a
-- problem to its line.
--
-- Levels: 0 = not a red flag, 1 = self-care, 2 = see a physio or GP soon,
-- 3 = see a doctor within 24 hours, 4 = emergency department now, 5 = call an
-- ambulance now (4 is not used yet: every emergency is 5 until the triage
-- data is re-levelled). An option's level is
-- the minimum level the result gets when that option is chosen; the option
-- 'unsure' always counts as its question's most urgent option ("not sure"
-- about a red flag is a yes), and must say so here too. Where the sources in
-- ../shared/clinical-notes.md give a range, the safer level is used.
--
-- ask_if: clauses joined by ' & ', each 'question=opt|opt' or
-- 'question!=opt|opt', naming only earlier questions.

CREATE TABLE wizard_question (
  id       TEXT PRIMARY KEY,
  position INTEGER NOT NULL UNIQUE,
  section  TEXT NOT NULL CHECK (section IN ('red-flags', 'injury', 'ottawa', 'story')),
  text     TEXT NOT NULL,
  kind     TEXT NOT NULL CHECK (kind IN ('one', 'many')),
  ask_if   TEXT,
  required INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1))
);

CREATE TABLE wizard_option (
  question_id TEXT NOT NULL REFERENCES wizard_question (id),
  id          TEXT NOT NULL,
  position    INTEGER NOT NULL,
  label       TEXT NOT NULL,
  level       INTEGER NOT NULL DEFAULT 0 CHECK (typeof(level) = 'integer' AND level BETWEEN 0 AND 5),
  source      TEXT CHECK (level = 0 OR length(source) > 0),
  article_id  TEXT,
  PRIMARY KEY (question_id, id)
);

CREATE TABLE wizard_cause (
  id         TEXT PRIMARY KEY,
  position   INTEGER NOT NULL UNIQUE,
  title      TEXT NOT NULL,
  article_id TEXT NOT NULL,
  min_level  INTEGER NOT NULL CHECK (typeof(min_level) = 'integer' AND min_level BETWEEN 0 AND 5),
  source     TEXT CHECK (min_level < 2 OR length(source) > 0)
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

-- Engine rules with their level and source ('no-match': no cause scored).
CREATE TABLE wizard_rule (
  id     TEXT PRIMARY KEY,
  level  INTEGER NOT NULL CHECK (typeof(level) = 'integer' AND level BETWEEN 0 AND 5),
  text   TEXT NOT NULL,
  source TEXT CHECK (level = 0 OR length(source) > 0)
);

-- Articles suggested for a result of each level, in order.
CREATE TABLE wizard_read (
  level      INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  position   INTEGER NOT NULL,
  article_id TEXT NOT NULL,
  PRIMARY KEY (level, article_id)
);

-- ===========================================================================
-- Red flags (clinical notes 2.1). Always asked, first, one per question.
-- ===========================================================================
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('rf-calf', 10, 'red-flags', 'Is one calf swollen, warm, red, or darker or bluish than the other, or throbbing and painful (often with pain behind the knee)?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-calf', 'yes', 1, 'Yes', 3, 'NHS, Deep vein thrombosis (DVT) - https://beta.nhs.uk/conditions/deep-vein-thrombosis-dvt/ ; WPB Physio, DVT - https://www.wpbphysio.co.uk/conditions/dvt/ ; a burst Baker''s cyst looks the same at home (Postgrad Med J) - https://pmj.bmj.com/content/78/919/304.1', NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-calf', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-calf', 'unsure', 3, 'Not sure', 3, 'Not sure counts as yes. NHS, Deep vein thrombosis (DVT) - https://beta.nhs.uk/conditions/deep-vein-thrombosis-dvt/', NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('rf-chest', 20, 'red-flags', 'Are you short of breath, or do you have chest pain that is worse when you breathe in, or have you coughed up blood or fainted?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-chest', 'yes', 1, 'Yes', 5, 'NHS, Deep vein thrombosis (DVT): signs of a clot in the lungs - https://beta.nhs.uk/conditions/deep-vein-thrombosis-dvt/ ; Gloucestershire Hospitals NHS, DVT leaflet - https://www.gloshospitals.nhs.uk/your-visit/patient-information-leaflets/deep-vein-thrombosis-dvt/', NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-chest', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-chest', 'unsure', 3, 'Not sure', 5, 'Not sure counts as yes. NHS, Deep vein thrombosis (DVT) - https://beta.nhs.uk/conditions/deep-vein-thrombosis-dvt/', NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('rf-fever', 30, 'red-flags', 'Is the knee hot, red and swollen, and do you also have a fever, shivers or feel generally unwell?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-fever', 'yes', 1, 'Yes', 5, 'Patient.info, Hot swollen joints - https://patient.info/doctor/hot-swollen-joints ; NHS Gloucestershire G-Care, knee pathway 58 - https://g-care.glos.nhs.uk/pathway/58/resource/3 ; Cora Health - https://www.corahealth.co.uk/?p=2927', NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-fever', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-fever', 'unsure', 3, 'Not sure', 5, 'Not sure counts as yes. Patient.info, Hot swollen joints - https://patient.info/doctor/hot-swollen-joints', NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('rf-hot-knee', 40, 'red-flags', 'Is the knee hot, red and swollen, even without a fever?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-hot-knee', 'yes', 1, 'Yes', 3, 'Acute monoarthritis: diagnosis in adults (gout and infection can look alike and occur together) - https://docslib.org/doc/10067537/acute-monoarthritis-diagnosis-in-adults-jonathan-a ; Dr Oracle, gout flare symptoms - https://www.droracle.ai/articles/368000/what-are-the-symptoms-of-a-gout-flare-up-in', NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-hot-knee', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-hot-knee', 'unsure', 3, 'Not sure', 3, 'Not sure counts as yes. Acute monoarthritis: diagnosis in adults - https://docslib.org/doc/10067537/acute-monoarthritis-diagnosis-in-adults-jonathan-a', NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('rf-deformed', 50, 'red-flags', 'Does the knee or the kneecap look deformed or out of its usual place?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-deformed', 'yes', 1, 'Yes', 5, 'NHS Gloucestershire G-Care, knee pathway 58 - https://g-care.glos.nhs.uk/pathway/58/resource/3 ; Knee flow chart (acute) - https://docslib.org/doc/23208/knee-flow-chart-acute ; NHS Kernow, knee pain referral guidance (rms.kernowccg.nhs.uk)', NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-deformed', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-deformed', 'unsure', 3, 'Not sure', 5, 'Not sure counts as yes. NHS Gloucestershire G-Care, knee pathway 58 - https://g-care.glos.nhs.uk/pathway/58/resource/3', NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('rf-kneecap-out', 60, 'red-flags', 'Has your kneecap slipped out of place to the side, even if it went back by itself?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-kneecap-out', 'yes', 1, 'Yes', 5, 'NHS Kernow, knee pain referral guidance: first kneecap dislocation (rms.kernowccg.nhs.uk) ; AdventHealth, dislocating patella - https://adventhealth.com/practice/adventhealth-medical-group/dislocating-patella ; A.D.A.M., kneecap dislocation - http://www.healthcentral.com/encyclopedia/adam/kneecap-dislocation-4011244/symptoms/', NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-kneecap-out', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-kneecap-out', 'unsure', 3, 'Not sure', 5, 'Not sure counts as yes. NHS Kernow, knee pain referral guidance (rms.kernowccg.nhs.uk)', NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('rf-no-weight', 70, 'red-flags', 'Are you unable to put weight on the leg or to take four steps on it? (Limping still counts as walking.)', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-no-weight', 'yes', 1, 'Yes', 5, 'Ottawa knee rules (Stiell et al. 1995), summary - https://www.guidelinecentral.com/calculators/2c9e8038734e3c9e017353446e670034/ ; AAFP, Evaluation of knee pain (2018) - https://www.aafp.org/afp/2018/1101/p576.html', 'ottawa-knee-rules');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-no-weight', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-no-weight', 'unsure', 3, 'Not sure', 5, 'Not sure counts as yes. AAFP, Evaluation of knee pain (2018) - https://www.aafp.org/afp/2018/1101/p576.html', 'ottawa-knee-rules');

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('rf-locked', 80, 'red-flags', 'Is the knee locked: stuck bent so that you cannot straighten it (not just stiff)?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-locked', 'yes', 1, 'Yes', 5, 'Cora Health (locked knee: emergency department) - https://www.corahealth.co.uk/?p=2927 ; NHS Kernow, knee pain referral guidance (rms.kernowccg.nhs.uk) ; NHS Gloucestershire G-Care, knee pathway 58 - https://g-care.glos.nhs.uk/pathway/58/resource/3', 'clicking-locking-giving-way');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-locked', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-locked', 'unsure', 3, 'Not sure', 5, 'Not sure counts as yes. Cora Health - https://www.corahealth.co.uk/?p=2927', 'clicking-locking-giving-way');

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('rf-foot', 90, 'red-flags', 'Is your foot or lower leg numb or tingling, is the foot cold, pale or blue, or can you not lift your toes?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-foot', 'yes', 1, 'Yes', 5, 'NHS Kernow, knee pain referral guidance: nerve or blood vessel damage, compartment syndrome (rms.kernowccg.nhs.uk) ; How to tell if a knee injury is serious - https://biologyinsights.com/how-to-tell-if-a-knee-injury-is-serious', NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-foot', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-foot', 'unsure', 3, 'Not sure', 5, 'Not sure counts as yes. NHS Kernow, knee pain referral guidance (rms.kernowccg.nhs.uk)', NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('rf-fast-swelling', 100, 'red-flags', 'Did the knee swell up a lot within a few hours of a pop, a twist or a blow?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-fast-swelling', 'yes', 1, 'Yes', 3, 'NHS Gloucestershire G-Care, knee pathways 57 and 58 (large swelling: urgent fracture or acute knee clinic) - https://g-care.glos.nhs.uk/pathway/58/resource/3 ; NHS Kernow, tense swelling within 6 hours (rms.kernowccg.nhs.uk) ; Signs a knee injury is serious - https://studylib.net/doc/5838827/signs-knee-injury-serious---ecsm', 'swelling-timing');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-fast-swelling', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-fast-swelling', 'unsure', 3, 'Not sure', 3, 'Not sure counts as yes. NHS Gloucestershire G-Care, knee pathways 57 and 58 - https://g-care.glos.nhs.uk/pathway/58/resource/3', 'swelling-timing');

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('rf-rest-pain', 110, 'red-flags', 'Is the pain severe even when you rest and put no weight on the leg?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-rest-pain', 'yes', 1, 'Yes', 3, 'MedlinePlus, Knee pain: when to call your doctor (copy) - http://usprime23.com/tag/when-to-call-your-doctor/', NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-rest-pain', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-rest-pain', 'unsure', 3, 'Not sure', 3, 'Not sure counts as yes. MedlinePlus, Knee pain (copy) - http://usprime23.com/tag/when-to-call-your-doctor/', NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('rf-night-unwell', 120, 'red-flags', 'Do you have constant pain at night that does not ease, together with weight loss, feeling unwell, or a hard lump near the knee?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-night-unwell', 'yes', 1, 'Yes', 3, 'NHS Gloucestershire G-Care, knee pathway 58 (urgent referral) - https://g-care.glos.nhs.uk/pathway/58/resource/3 ; NHS Cornwall, knee pain referral guidance (rms.cornwall.nhs.uk) ; Knee pain in children, evaluation - https://documents.pub/document/knee-pain-in-children-part-i-evaluation-pain-partknee-pain-in-children-part.html', 'stiffness-and-night-pain');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-night-unwell', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-night-unwell', 'unsure', 3, 'Not sure', 3, 'Not sure counts as yes. NHS Gloucestershire G-Care, knee pathway 58 - https://g-care.glos.nhs.uk/pathway/58/resource/3', 'stiffness-and-night-pain');

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('rf-wound', 130, 'red-flags', 'Is there a cut or wound over the knee that may go into the joint?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-wound', 'yes', 1, 'Yes', 5, 'Ask Physio, knee pain - https://www.askphysio.com/conditions/knee-pain ; NHS Kernow, knee pain referral guidance (rms.kernowccg.nhs.uk)', NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-wound', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-wound', 'unsure', 3, 'Not sure', 5, 'Not sure counts as yes. Ask Physio, knee pain - https://www.askphysio.com/conditions/knee-pain', NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('rf-thinners', 140, 'red-flags', 'Do you take a blood thinner (such as warfarin, apixaban or rivaroxaban) or have a bleeding disorder, and has the knee swollen after an injury?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-thinners', 'yes', 1, 'Yes', 5, 'NHS Kernow, bleeding into the joint on anticoagulants (rms.kernowccg.nhs.uk) ; Ask Physio, knee pain - https://www.askphysio.com/conditions/knee-pain', 'swelling-timing');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-thinners', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-thinners', 'unsure', 3, 'Not sure', 5, 'Not sure counts as yes. NHS Kernow, knee pain referral guidance (rms.kernowccg.nhs.uk)', 'swelling-timing');

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('rf-cannot-straighten', 150, 'red-flags', 'After a fall, are you unable to straighten the knee or to lift the straight leg, or is there a gap just above or below the kneecap?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-cannot-straighten', 'yes', 1, 'Yes', 5, 'NHS Gloucestershire G-Care, knee pathway 58 (tendon rupture) - https://g-care.glos.nhs.uk/pathway/58/resource/3 ; NHS Cornwall, chronic inflammatory knee pain guidance (rms.cornwall.nhs.uk)', NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-cannot-straighten', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-cannot-straighten', 'unsure', 3, 'Not sure', 5, 'Not sure counts as yes. NHS Gloucestershire G-Care, knee pathway 58 - https://g-care.glos.nhs.uk/pathway/58/resource/3', NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('rf-groin', 160, 'red-flags', 'Do you have pain in the groin or hip that spreads towards the knee, gets worse with each run and now hurts when you walk?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-groin', 'yes', 1, 'Yes', 3, 'Howard Luks MD, knee pain in runners (groin pain: stop running) - https://www.howardluksmd.com/knee/causes-of-knee-pain-in-runners/ ; Femoral neck stress fractures in runners - https://pmc.ncbi.nlm.nih.gov/articles/PMC6357658', NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-groin', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-groin', 'unsure', 3, 'Not sure', 3, 'Not sure counts as yes. Femoral neck stress fractures in runners - https://pmc.ncbi.nlm.nih.gov/articles/PMC6357658', NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('rf-child-limp', 170, 'red-flags', 'Is the person with the knee pain aged about 8 to 15 and limping, walking with the foot turned out, or hurting when the hip moves?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-child-limp', 'yes', 1, 'Yes', 3, 'Slipped capital femoral epiphysis presenting as knee pain - https://pubmed.ncbi.nlm.nih.gov/10412993/ ; StatPearls, SCFE - https://statpearls.com/articlelibrary/viewarticle/29145 ; Rady Children''s, knee pain can point to a hip condition - https://www.rchsd.org/health-safety/growing-up-columns/knee-pain-can-point-to-serious-hip-condition/', NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-child-limp', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('rf-child-limp', 'unsure', 3, 'Not sure', 3, 'Not sure counts as yes. StatPearls, SCFE - https://statpearls.com/articlelibrary/viewarticle/29145', NULL);

-- ===========================================================================
-- Injury, then the Ottawa knee rules (clinical notes 2.2): after an injury,
-- any one of them means an X-ray today.
-- ===========================================================================
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('injury', 200, 'injury', 'Did the pain start with a fall, a twist or a blow to the knee?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('injury', 'yes', 1, 'Yes', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('injury', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('injury', 'unsure', 3, 'Not sure', 0, NULL, NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('ot-age', 210, 'ottawa', 'Are you 55 or older?', 'one', 'injury=yes|unsure', 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('ot-age', 'yes', 1, 'Yes', 5, 'Ottawa knee rules (Stiell et al., Ann Emerg Med 1995), summary - https://www.guidelinecentral.com/calculators/2c9e8038734e3c9e017353446e670034/ ; Physiopedia, Ottawa knee rules - https://physio-pedia.com/index.php?title=Ottawa_Knee_Rules&oldid=10174', 'ottawa-knee-rules');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('ot-age', 'no', 2, 'No', 0, NULL, NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('ot-kneecap', 220, 'ottawa', 'When you press on the kneecap itself, is it tender, while no other bony spot around the knee is?', 'one', 'injury=yes|unsure', 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('ot-kneecap', 'yes', 1, 'Yes', 5, 'Ottawa knee rules (Stiell et al., Ann Emerg Med 1995), summary - https://www.guidelinecentral.com/calculators/2c9e8038734e3c9e017353446e670034/ ; Physiopedia, Ottawa knee rules - https://physio-pedia.com/index.php?title=Ottawa_Knee_Rules&oldid=10174', 'ottawa-knee-rules');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('ot-kneecap', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('ot-kneecap', 'unsure', 3, 'Not sure', 5, 'Not sure counts as yes. Ottawa knee rules, summary - https://www.guidelinecentral.com/calculators/2c9e8038734e3c9e017353446e670034/', 'ottawa-knee-rules');

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('ot-fibula', 230, 'ottawa', 'Is the bony knob on the outer side of the leg, just below the knee, tender when you press on it?', 'one', 'injury=yes|unsure', 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('ot-fibula', 'yes', 1, 'Yes', 5, 'Ottawa knee rules (Stiell et al., Ann Emerg Med 1995), summary - https://www.guidelinecentral.com/calculators/2c9e8038734e3c9e017353446e670034/ ; Physiopedia, Ottawa knee rules - https://physio-pedia.com/index.php?title=Ottawa_Knee_Rules&oldid=10174', 'ottawa-knee-rules');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('ot-fibula', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('ot-fibula', 'unsure', 3, 'Not sure', 5, 'Not sure counts as yes. Ottawa knee rules, summary - https://www.guidelinecentral.com/calculators/2c9e8038734e3c9e017353446e670034/', 'ottawa-knee-rules');

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('ot-bend', 240, 'ottawa', 'Are you unable to bend the knee to a right angle (90 degrees)?', 'one', 'injury=yes|unsure', 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('ot-bend', 'yes', 1, 'Yes', 5, 'Ottawa knee rules (Stiell et al., Ann Emerg Med 1995), summary - https://www.guidelinecentral.com/calculators/2c9e8038734e3c9e017353446e670034/ ; Physiopedia, Ottawa knee rules - https://physio-pedia.com/index.php?title=Ottawa_Knee_Rules&oldid=10174', 'ottawa-knee-rules');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('ot-bend', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('ot-bend', 'unsure', 3, 'Not sure', 5, 'Not sure counts as yes. Ottawa knee rules, summary - https://www.guidelinecentral.com/calculators/2c9e8038734e3c9e017353446e670034/', 'ottawa-knee-rules');

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('ot-steps', 250, 'ottawa', 'Right after the injury, could you not take four steps, and you still cannot now?', 'one', 'injury=yes|unsure', 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('ot-steps', 'yes', 1, 'Yes', 5, 'Ottawa knee rules (Stiell et al., Ann Emerg Med 1995), summary - https://www.guidelinecentral.com/calculators/2c9e8038734e3c9e017353446e670034/ ; Physiopedia, Ottawa knee rules - https://physio-pedia.com/index.php?title=Ottawa_Knee_Rules&oldid=10174', 'ottawa-knee-rules');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('ot-steps', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('ot-steps', 'unsure', 3, 'Not sure', 5, 'Not sure counts as yes. Ottawa knee rules, summary - https://www.guidelinecentral.com/calculators/2c9e8038734e3c9e017353446e670034/', 'ottawa-knee-rules');

-- ===========================================================================
-- The story (clinical notes 3): what tells the causes apart.
-- ===========================================================================
INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('mechanism', 300, 'story', 'How did the injury happen?', 'one', 'injury=yes|unsure', 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('mechanism', 'twist', 1, 'I twisted on a planted foot with the knee bent', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('mechanism', 'pop', 2, 'I felt or heard a pop when landing, turning or stopping suddenly', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('mechanism', 'blow-outer', 3, 'A blow or force on the outer side pushed the knee inwards', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('mechanism', 'kneecap-out', 4, 'The kneecap went out to the side', 5, 'NHS Kernow, knee pain referral guidance: first kneecap dislocation (rms.kernowccg.nhs.uk) ; AdventHealth, dislocating patella - https://adventhealth.com/practice/adventhealth-medical-group/dislocating-patella', NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('mechanism', 'fall', 5, 'I fell onto the knee', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('mechanism', 'other', 6, 'Something else, or I am not sure', 0, NULL, NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('onset', 310, 'story', 'How did the pain start?', 'one', 'injury=no|unsure', 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('onset', 'training-change', 1, 'Gradually, after a change in my running (more distance, hills, speed, new shoes or a new route)', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('onset', 'gradual', 2, 'Gradually, for no clear reason', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('onset', 'sudden', 3, 'Suddenly, over a few hours, without any injury', 0, NULL, NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('change', 320, 'story', 'What changed in your running? (choose all that apply)', 'many', 'onset=training-change', 0);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('change', 'distance', 1, 'More distance or more runs a week', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('change', 'hills', 2, 'More hills', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('change', 'speed', 3, 'Faster running or more interval sessions', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('change', 'shoes', 4, 'New shoes', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('change', 'surface', 5, 'A new route or surface (sloping roads, always the same way round a track)', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('change', 'comeback', 6, 'Coming back after a break or an illness', 0, NULL, NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('location', 330, 'story', 'Where exactly is the pain? Point to it with one finger if you can.', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('location', 'inner-joint-line', 1, 'On the inner side, right on the line of the joint', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('location', 'inner-below', 2, 'On the inner side, a few centimetres below the joint (top of the shin)', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('location', 'inner-front', 3, 'At the inner edge of the kneecap, above the joint line', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('location', 'kneecap', 4, 'Around or behind the kneecap (front of the knee)', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('location', 'outer', 5, 'On the outer side of the knee', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('location', 'all-over', 6, 'All over the knee, or deep inside it', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('location', 'hip-groin-thigh', 7, 'In the hip, groin or thigh, and felt in the knee', 0, NULL, NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('feel', 340, 'story', 'What does the pain feel like most of the time?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('feel', 'dull-ache', 1, 'A dull ache', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('feel', 'sharp', 2, 'Sharp, with certain movements', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('feel', 'burning', 3, 'Burning or stinging', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('feel', 'grinding', 4, 'Grinding or grating under the kneecap', 0, NULL, NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('worse', 350, 'story', 'What makes it worse? (choose all that apply)', 'many', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('worse', 'stairs-up', 1, 'Going up stairs', 0, NULL, 'stairs-sitting-standing');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('worse', 'stairs-down', 2, 'Going down stairs', 0, NULL, 'stairs-sitting-standing');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('worse', 'squatting', 3, 'Squatting or kneeling', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('worse', 'sitting', 4, 'Sitting for a long time with the knee bent', 0, NULL, 'stairs-sitting-standing');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('worse', 'standing-up', 5, 'Standing up from a chair', 0, NULL, 'stairs-sitting-standing');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('worse', 'running', 6, 'Running', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('worse', 'downhill', 7, 'Running downhill', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('worse', 'pivoting', 8, 'Twisting or turning on the leg', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('worse', 'night', 9, 'At night, in bed', 0, NULL, 'stiffness-and-night-pain');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('worse', 'morning', 10, 'First thing in the morning', 0, NULL, 'stiffness-and-night-pain');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('worse', 'nothing', 11, 'Nothing in particular', 0, NULL, NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('run', 360, 'story', 'How does running affect it?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('run', 'same-point', 1, 'It starts at about the same point in every run and eases soon after I stop', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('run', 'after', 2, 'It aches during or after runs, more after long or hilly ones, and settles between runs', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('run', 'getting-worse', 3, 'It comes earlier in every run, and now it hurts when I walk or rest', 2, 'AAFP, proximal tibial stress fracture (2007) - https://www.aafp.org/pubs/afp/issues/2007/0715/p277.html ; Stress fracture: pain that moves from after long runs to rest - https://orthogruber.at/en/stress-fracture', NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('run', 'not-running', 4, 'I have not run since it started, or running does not change it', 0, NULL, NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('swelling', 370, 'story', 'Is the knee swollen?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('swelling', 'none', 1, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('swelling', 'fast', 2, 'Yes, it swelled within a few hours of an injury', 3, 'NHS Gloucestershire G-Care, knee pathways 57 and 58 (large swelling: urgent fracture or acute knee clinic) - https://g-care.glos.nhs.uk/pathway/58/resource/3 ; NHS Kernow, tense swelling within 6 hours (rms.kernowccg.nhs.uk)', 'swelling-timing');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('swelling', 'slow', 3, 'Yes, it swelled slowly over a day or so after an injury', 0, NULL, 'swelling-timing');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('swelling', 'no-injury', 4, 'Yes, it swells without any injury', 0, NULL, 'swelling-timing');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('swelling', 'below-joint', 5, 'Only a soft swelling just below the joint on the inner side', 0, NULL, NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('mechanical', 380, 'story', 'Does the knee click, catch, lock or give way? (choose all that apply)', 'many', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('mechanical', 'clicking', 1, 'It clicks or snaps, without pain', 0, NULL, 'clicking-locking-giving-way');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('mechanical', 'painful-clicking', 2, 'It clicks, and the click hurts', 3, 'NHS knee pain advice, as summarised at lincolnshireknee.co.uk (painful clicking, locking or giving way: NHS lists these under same-day care; the safer level wins over the L2 in the red-flag table R18) ; Cora Health - https://www.corahealth.co.uk/?p=2927', 'clicking-locking-giving-way');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('mechanical', 'catching', 3, 'Something catches inside it', 0, NULL, 'clicking-locking-giving-way');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('mechanical', 'locking', 4, 'It locks for a moment, then frees up', 3, 'NHS knee pain advice, as summarised at lincolnshireknee.co.uk (painful clicking, locking or giving way: NHS lists these under same-day care; the safer level wins over the L2 in the red-flag table R18) ; Cora Health - https://www.corahealth.co.uk/?p=2927', 'clicking-locking-giving-way');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('mechanical', 'giving-way', 5, 'It gives way or feels unstable', 3, 'NHS knee pain advice, as summarised at lincolnshireknee.co.uk (painful clicking, locking or giving way: NHS lists these under same-day care; the safer level wins over the L2 in the red-flag table R18) ; Cora Health - https://www.corahealth.co.uk/?p=2927', 'clicking-locking-giving-way');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('mechanical', 'none', 6, 'None of these', 0, NULL, NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('hop', 390, 'story', 'If you hop gently on that leg, does it hurt at one spot on the bone?', 'one', 'location=inner-joint-line|inner-below', 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('hop', 'yes', 1, 'Yes', 2, 'AAFP, proximal tibial stress fracture (2007): pain on hopping, point bone tenderness - https://www.aafp.org/pubs/afp/issues/2007/0715/p277.html', NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('hop', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('hop', 'not-tried', 3, 'I have not tried, or it hurts too much to try', 0, NULL, NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('control', 400, 'story', 'Standing on that leg and bending the knee a little (a single-leg squat), does the knee drop inwards or the leg feel weak?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('control', 'yes', 1, 'Yes', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('control', 'no', 2, 'No', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('control', 'not-tried', 3, 'I have not tried, or it hurts too much to try', 0, NULL, NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('stiffness', 410, 'story', 'When you get up in the morning, how long is the knee stiff?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('stiffness', 'none', 1, 'It is not stiff', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('stiffness', 'short', 2, 'Less than half an hour', 0, NULL, 'stiffness-and-night-pain');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('stiffness', 'long', 3, 'An hour or more', 0, NULL, 'stiffness-and-night-pain');

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('age', 420, 'story', 'How old are you?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('age', 'under-16', 1, 'Under 16', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('age', '16-29', 2, '16 to 29', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('age', '30-44', 3, '30 to 44', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('age', '45-54', 4, '45 to 54', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('age', '55-plus', 5, '55 or over', 0, NULL, NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('joints', 430, 'story', 'Do other joints hurt or swell too? (choose all that apply)', 'many', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('joints', 'both-knees', 1, 'Both knees', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('joints', 'hands-feet', 2, 'Small joints of the hands, wrists or feet', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('joints', 'none', 3, 'No, only this knee', 0, NULL, NULL);

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('duration', 440, 'story', 'How long have you had this pain?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('duration', 'under-3-days', 1, 'Less than 3 days', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('duration', '3-days-2-weeks', 2, '3 days to 2 weeks', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('duration', '2-6-weeks', 3, '2 to 6 weeks', 2, 'NHS, sprains and strains: most are better within 2 weeks - https://www.merepark.nhs.uk/self-care/tag/sprain/ ; NHS knee pain advice, as summarised at lincolnshireknee.co.uk (see a GP if not better after a few weeks)', 'not-getting-better');
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('duration', 'over-6-weeks', 4, 'More than 6 weeks', 2, 'NHS, sprains and strains: most are better within 2 weeks - https://www.merepark.nhs.uk/self-care/tag/sprain/ ; NHS knee pain advice, as summarised at lincolnshireknee.co.uk (see a GP if not better after a few weeks)', 'not-getting-better');

INSERT INTO wizard_question (id, position, section, text, kind, ask_if, required) VALUES ('home-care', 450, 'story', 'Have you already looked after it at home (rest, ice, easier running) for 3 days or more?', 'one', NULL, 1);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('home-care', 'not-yet', 1, 'No, not yet', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('home-care', 'easing', 2, 'Yes, and it is easing', 0, NULL, NULL);
INSERT INTO wizard_option (question_id, id, position, label, level, source, article_id) VALUES ('home-care', 'not-better', 3, 'Yes, and it is not getting better', 2, 'MedlinePlus, Knee pain: still painful after 3 days of home care, call your doctor (copy) - http://usprime23.com/tag/when-to-call-your-doctor/', 'not-getting-better');

-- ===========================================================================
-- Causes. min_level is applied when the cause ranks first; the article has
-- the same id.
-- ===========================================================================
INSERT INTO wizard_cause (id, position, title, article_id, min_level, source) VALUES ('runners-knee', 1, 'Runner''s knee (pain around the kneecap)', 'runners-knee', 1, NULL);
INSERT INTO wizard_cause (id, position, title, article_id, min_level, source) VALUES ('chondromalacia', 2, 'Chondromalacia (softened cartilage behind the kneecap)', 'chondromalacia', 1, NULL);
INSERT INTO wizard_cause (id, position, title, article_id, min_level, source) VALUES ('it-band-syndrome', 3, 'IT band syndrome (outer side of the knee)', 'it-band-syndrome', 1, NULL);
INSERT INTO wizard_cause (id, position, title, article_id, min_level, source) VALUES ('mcl-injury', 4, 'MCL sprain or tear (inner ligament)', 'mcl-injury', 2, 'KPJ Health, MCL sprain - https://kpjpen22.kpjhealth.com.my/Medial-Collateral-Ligament-Sprain-article-847.html ; NHS Kernow, knee pain referral guidance (rms.kernowccg.nhs.uk)');
INSERT INTO wizard_cause (id, position, title, article_id, min_level, source) VALUES ('acl-injury', 5, 'ACL tear (cruciate ligament)', 'acl-injury', 3, 'NHS Gloucestershire G-Care, knee pathways 57 and 58 (recent ligament rupture: urgent fracture or acute knee clinic) - https://g-care.glos.nhs.uk/pathway/58/resource/3 ; AAOS OrthoInfo, ACL injuries - http://orthoinfo.aaos.org/icm/default.cfm?screen=icm004_s04_p1');
INSERT INTO wizard_cause (id, position, title, article_id, min_level, source) VALUES ('meniscus-tear', 6, 'Meniscus tear (cartilage pad inside the joint)', 'meniscus-tear', 2, 'NHS Gloucestershire G-Care, knee pathway 58 (physio, with review at 2 weeks) - https://g-care.glos.nhs.uk/pathway/58/resource/3');
INSERT INTO wizard_cause (id, position, title, article_id, min_level, source) VALUES ('osteoarthritis', 7, 'Knee osteoarthritis', 'osteoarthritis', 2, 'NICE NG226, osteoarthritis: diagnosis and management - https://www.nice.org.uk/guidance/ng226/chapter/Recommendations');
INSERT INTO wizard_cause (id, position, title, article_id, min_level, source) VALUES ('rheumatoid-arthritis', 8, 'Rheumatoid or other inflammatory arthritis', 'rheumatoid-arthritis', 2, 'Dr Oracle, symptoms of rheumatoid arthritis - https://www.droracle.ai/articles/645644/what-are-the-symptoms-of-rheumatoid-arthritis');
INSERT INTO wizard_cause (id, position, title, article_id, min_level, source) VALUES ('pes-anserine-bursitis', 9, 'Pes anserine bursitis (inner side, below the joint)', 'pes-anserine-bursitis', 1, NULL);
INSERT INTO wizard_cause (id, position, title, article_id, min_level, source) VALUES ('training-load', 10, 'Too much, too soon (training overload)', 'training-load', 1, NULL);
INSERT INTO wizard_cause (id, position, title, article_id, min_level, source) VALUES ('muscle-imbalance', 11, 'Weak or tight hip and thigh muscles', 'muscle-imbalance', 1, NULL);
INSERT INTO wizard_cause (id, position, title, article_id, min_level, source) VALUES ('pain-from-outside-knee', 12, 'Pain coming from the hip or elsewhere', 'pain-from-outside-knee', 2, 'South Devon and Torbay referral guidance, knee pain (a hip problem can show as knee pain only) - https://southwest.devonformularyguidance.nhs.uk/referral-guidance/south-devon-torbay/musculoskeletal-joint-disorders/knee-pain ; FPnotebook, acute knee pain - https://fpnotebook.com/Ortho/Sx/ActKnPn.htm');
INSERT INTO wizard_cause (id, position, title, article_id, min_level, source) VALUES ('medial-plica', 13, 'Medial plica syndrome (inner fold of the joint lining)', 'medial-plica', 1, NULL);
INSERT INTO wizard_cause (id, position, title, article_id, min_level, source) VALUES ('tibial-stress-fracture', 14, 'Stress fracture of the upper shin bone', 'tibial-stress-fracture', 2, 'AAFP, proximal tibial stress fracture (2007) - https://www.aafp.org/pubs/afp/issues/2007/0715/p277.html ; Stress fracture - https://orthogruber.at/en/stress-fracture');
INSERT INTO wizard_cause (id, position, title, article_id, min_level, source) VALUES ('kneecap-dislocation', 15, 'Kneecap dislocation', 'kneecap-dislocation', 3, 'NHS Kernow, knee pain referral guidance: first kneecap dislocation (rms.kernowccg.nhs.uk) ; AdventHealth, dislocating patella - https://adventhealth.com/practice/adventhealth-medical-group/dislocating-patella');
INSERT INTO wizard_cause (id, position, title, article_id, min_level, source) VALUES ('hot-swollen-knee', 16, 'Hot swollen knee (infection or gout)', 'hot-swollen-knee', 3, 'Acute monoarthritis: diagnosis in adults - https://docslib.org/doc/10067537/acute-monoarthritis-diagnosis-in-adults-jonathan-a ; Patient.info, Hot swollen joints - https://patient.info/doctor/hot-swollen-joints');

-- ===========================================================================
-- Evidence: answer -> cause, weight (negative speaks against), reason shown.
-- ===========================================================================
-- red flags that also point to a cause
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('rf-fever', 'yes', 'hot-swollen-knee', 8, 'A hot, red, swollen knee with a fever can be an infected joint.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('rf-hot-knee', 'yes', 'hot-swollen-knee', 8, 'A hot, red, swollen knee can be gout or an infection; only a test of the joint fluid tells them apart.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('rf-kneecap-out', 'yes', 'kneecap-dislocation', 10, 'The kneecap slipping out to the side is a kneecap dislocation, even if it went back.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('rf-locked', 'yes', 'meniscus-tear', 5, 'A knee stuck bent is often blocked by a torn flap of meniscus.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('rf-fast-swelling', 'yes', 'acl-injury', 5, 'Large swelling within hours of a pop or twist is usually bleeding into the joint, as with an ACL tear.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('rf-fast-swelling', 'yes', 'kneecap-dislocation', 1, 'Fast swelling also follows a kneecap dislocation.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('rf-groin', 'yes', 'pain-from-outside-knee', 6, 'Groin or hip pain that gets worse with each run can be a stress fracture of the hip, felt in the knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('rf-child-limp', 'yes', 'pain-from-outside-knee', 6, 'In children of 8 to 15, knee pain with a limp can come from a slipped growth plate in the hip.');
-- injury
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'yes', 'training-load', -3, 'It started with an injury rather than a change in training.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'yes', 'runners-knee', -2, 'Runner''s knee usually builds up gradually rather than starting with an injury.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'yes', 'chondromalacia', -2, 'Chondromalacia builds up gradually rather than starting with an injury.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'yes', 'it-band-syndrome', -3, 'IT band syndrome comes from repeated running, not from an injury.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'yes', 'pes-anserine-bursitis', -2, 'Pes anserine bursitis usually builds up gradually.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'yes', 'muscle-imbalance', -2, 'Weak muscles cause pain that builds up gradually, not after an injury.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'yes', 'medial-plica', -1, 'A plica usually troubles the knee gradually.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'yes', 'rheumatoid-arthritis', -2, 'Inflammatory arthritis does not start with an injury.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'yes', 'tibial-stress-fracture', -2, 'A stress fracture builds up over weeks of running, not from one injury.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'no', 'mcl-injury', -5, 'An MCL sprain needs a force on the knee, and there was no injury.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'no', 'acl-injury', -6, 'An ACL tear happens in an injury, and there was none.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'no', 'kneecap-dislocation', -5, 'A kneecap dislocation happens in an injury, and there was none.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('injury', 'no', 'meniscus-tear', -1, 'Without an injury a meniscus tear is less likely, though worn menisci can tear with little force.');
-- mechanism
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'twist', 'meniscus-tear', 5, 'Twisting on a planted, bent knee is the usual way a meniscus tears.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'twist', 'mcl-injury', 2, 'A twist can also sprain the inner ligament.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'twist', 'acl-injury', 2, 'A twist with the foot planted can tear the ACL.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'twist', 'kneecap-dislocation', 1, 'A twist is also how a kneecap slips out, especially in teenagers.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'pop', 'acl-injury', 6, 'A pop when landing, turning or stopping suddenly is typical of an ACL tear.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'pop', 'meniscus-tear', 1, 'A pop can also come with a meniscus tear.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'blow-outer', 'mcl-injury', 7, 'A blow to the outer side that pushes the knee inwards stretches the inner ligament (MCL).');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'kneecap-out', 'kneecap-dislocation', 8, 'The kneecap going out to the side is a dislocation.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'fall', 'runners-knee', 1, 'A fall onto the kneecap can start pain around it.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanism', 'fall', 'mcl-injury', 1, 'A fall can sprain the inner ligament.');
-- onset
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'training-change', 'training-load', 4, 'Pain that began after a change in training points to doing too much, too soon.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'training-change', 'runners-knee', 2, 'Runner''s knee often follows a rise in distance or hills.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'training-change', 'it-band-syndrome', 2, 'IT band syndrome often follows a rise in distance.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'training-change', 'pes-anserine-bursitis', 2, 'Pes anserine bursitis often follows more mileage or hills.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'training-change', 'tibial-stress-fracture', 2, 'A stress fracture follows a rise in time, distance or pace.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'training-change', 'muscle-imbalance', 1, 'More load shows up weak spots in the hip and thigh muscles.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'gradual', 'runners-knee', 2, 'Runner''s knee comes on gradually.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'gradual', 'chondromalacia', 2, 'Chondromalacia comes on gradually.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'gradual', 'osteoarthritis', 2, 'Osteoarthritis comes on gradually over months or years.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'gradual', 'medial-plica', 2, 'A plica troubles the knee gradually, with repeated bending.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'gradual', 'muscle-imbalance', 2, 'Weak or tight muscles cause pain that builds up slowly.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'gradual', 'pes-anserine-bursitis', 1, 'Pes anserine bursitis builds up gradually.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'gradual', 'rheumatoid-arthritis', 1, 'Inflammatory arthritis often starts gradually.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'gradual', 'training-load', -1, 'With no change in training, overload is less likely.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'sudden', 'hot-swollen-knee', 4, 'Pain that builds within hours without an injury can be gout or an infection.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'sudden', 'rheumatoid-arthritis', 1, 'Inflammatory arthritis can flare suddenly.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'sudden', 'meniscus-tear', 1, 'A worn meniscus can tear with little force, such as getting up from a squat.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('onset', 'sudden', 'training-load', -2, 'Overload builds up over days, not within hours.');
-- change
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'distance', 'training-load', 2, 'A rise in distance is the most common training error.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'distance', 'it-band-syndrome', 1, 'More distance is linked to IT band syndrome.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'distance', 'tibial-stress-fracture', 1, 'A stress fracture follows a rise in distance.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'distance', 'runners-knee', 1, 'Runner''s knee is linked to rising weekly distance.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'hills', 'pes-anserine-bursitis', 2, 'Hill running is a known trigger of pes anserine bursitis.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'hills', 'runners-knee', 1, 'Hills load the kneecap more.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'hills', 'it-band-syndrome', 1, 'Downhill running is linked to IT band syndrome.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'speed', 'training-load', 1, 'A sudden change of pace adds load.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'speed', 'tibial-stress-fracture', 1, 'A stress fracture can follow a rise in pace.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'shoes', 'training-load', 1, 'A sudden change of shoes changes how the leg is loaded.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'surface', 'it-band-syndrome', 2, 'Sloping roads and always running the same way round a track load the IT band.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'surface', 'training-load', 1, 'A new surface changes the load on the leg.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'comeback', 'training-load', 2, 'After a break the body tolerates less running than before.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('change', 'comeback', 'muscle-imbalance', 1, 'Muscles weaken during a break.');
-- location
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-joint-line', 'meniscus-tear', 4, 'Pain right on the inner joint line is typical of a meniscus tear.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-joint-line', 'mcl-injury', 3, 'The inner ligament runs across the joint line on the inner side.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-joint-line', 'osteoarthritis', 2, 'Osteoarthritis most often affects the inner side of the joint.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-joint-line', 'tibial-stress-fracture', 1, 'A stress fracture of the upper shin can be felt near the inner joint line.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-joint-line', 'pes-anserine-bursitis', -2, 'Pes anserine pain sits below the joint line, not on it.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-joint-line', 'runners-knee', -2, 'Runner''s knee hurts around the kneecap rather than on the joint line.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-joint-line', 'it-band-syndrome', -6, 'IT band syndrome hurts on the outer side, not the inner side.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-joint-line', 'training-load', -1, 'Pain at one precise spot points to a particular structure rather than general overload.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-below', 'pes-anserine-bursitis', 6, 'Pain a few centimetres below the joint on the inner side is typical of pes anserine bursitis.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-below', 'tibial-stress-fracture', 3, 'A stress fracture of the upper shin hurts on the inner side, just below the joint.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-below', 'mcl-injury', 1, 'The inner ligament reaches a little below the joint.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-below', 'meniscus-tear', -3, 'Meniscus pain sits on the joint line, not below it.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-below', 'runners-knee', -3, 'Runner''s knee hurts around the kneecap, not below the joint.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-below', 'it-band-syndrome', -6, 'IT band syndrome hurts on the outer side, not the inner side.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-below', 'training-load', -1, 'Pain at one precise spot points to a particular structure rather than general overload.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-front', 'medial-plica', 6, 'Pain at the inner edge of the kneecap, above the joint line, fits a medial plica.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-front', 'runners-knee', 2, 'Runner''s knee can be felt at the inner edge of the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-front', 'chondromalacia', 1, 'Chondromalacia is felt around the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-front', 'it-band-syndrome', -6, 'IT band syndrome hurts on the outer side, not the inner side.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'inner-front', 'training-load', -1, 'Pain at one precise spot points to a particular structure rather than general overload.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'kneecap', 'runners-knee', 6, 'Pain around or behind the kneecap is the hallmark of runner''s knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'kneecap', 'chondromalacia', 4, 'Chondromalacia aches around and behind the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'kneecap', 'medial-plica', 1, 'A plica sits beside the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'kneecap', 'it-band-syndrome', -6, 'IT band syndrome hurts on the outer side, not at the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'kneecap', 'pes-anserine-bursitis', -4, 'Pes anserine pain sits below the joint on the inner side, not at the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'kneecap', 'meniscus-tear', -2, 'Meniscus pain sits on the joint line rather than at the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'kneecap', 'mcl-injury', -3, 'The inner ligament is on the inner side, not at the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'kneecap', 'training-load', -1, 'Pain at one precise spot points to a particular structure rather than general overload.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'outer', 'it-band-syndrome', 9, 'Pain on the outer side of the knee is typical of IT band syndrome, which is not an inner-knee problem.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'outer', 'mcl-injury', -6, 'The MCL is on the inner side, and the pain is on the outer side.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'outer', 'pes-anserine-bursitis', -6, 'Pes anserine bursitis is on the inner side, and the pain is on the outer side.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'outer', 'medial-plica', -6, 'A medial plica is on the inner side, and the pain is on the outer side.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'outer', 'runners-knee', -2, 'Runner''s knee hurts around the kneecap rather than on the outer side.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'outer', 'meniscus-tear', -1, 'Most meniscus tears in runners are on the inner side.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'outer', 'tibial-stress-fracture', -3, 'A stress fracture of the upper shin is usually on the inner side.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'outer', 'training-load', -1, 'Pain at one precise spot points to a particular structure rather than general overload.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'all-over', 'osteoarthritis', 2, 'Osteoarthritis can ache across the whole knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'all-over', 'rheumatoid-arthritis', 3, 'Inflammatory arthritis affects the whole joint.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'all-over', 'hot-swollen-knee', 2, 'Gout and infection affect the whole joint.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'all-over', 'acl-injury', 2, 'ACL pain is often deep inside the knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'all-over', 'training-load', 2, 'Overload often gives a vague, spread-out ache.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'all-over', 'it-band-syndrome', -2, 'IT band pain sits on the outer side rather than all over the knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'all-over', 'pes-anserine-bursitis', -2, 'Pes anserine pain sits at one spot below the inner joint rather than all over.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'all-over', 'medial-plica', -2, 'Plica pain sits at the inner edge of the kneecap rather than all over.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'hip-groin-thigh', 'pain-from-outside-knee', 12, 'Pain in the hip, groin or thigh that is felt in the knee often comes from the hip.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'hip-groin-thigh', 'runners-knee', -3, 'Runner''s knee hurts at the kneecap, not in the hip or thigh.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'hip-groin-thigh', 'it-band-syndrome', -2, 'IT band syndrome hurts at the outer knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'hip-groin-thigh', 'meniscus-tear', -3, 'A meniscus tear hurts in the knee itself.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'hip-groin-thigh', 'mcl-injury', -3, 'An MCL sprain hurts on the inner side of the knee itself.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'hip-groin-thigh', 'pes-anserine-bursitis', -3, 'Pes anserine bursitis hurts just below the knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('location', 'hip-groin-thigh', 'training-load', -3, 'The pain sits in the hip, groin or thigh, which needs looking at before the training.');
-- feel
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('feel', 'dull-ache', 'runners-knee', 1, 'Runner''s knee is usually a dull ache.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('feel', 'dull-ache', 'chondromalacia', 1, 'Chondromalacia is a dull ache.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('feel', 'dull-ache', 'osteoarthritis', 1, 'Osteoarthritis is usually an aching pain.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('feel', 'dull-ache', 'pes-anserine-bursitis', 1, 'Pes anserine bursitis is usually an ache.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('feel', 'sharp', 'meniscus-tear', 1, 'A meniscus tear gives sharp pain on certain movements.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('feel', 'sharp', 'mcl-injury', 1, 'A sprained ligament hurts sharply when stretched.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('feel', 'sharp', 'it-band-syndrome', 1, 'IT band pain is often sharp.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('feel', 'sharp', 'tibial-stress-fracture', 1, 'A stress fracture gives sharp pain on impact.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('feel', 'burning', 'it-band-syndrome', 2, 'IT band syndrome is often felt as a burning or stinging on the outer side.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('feel', 'grinding', 'chondromalacia', 6, 'Grinding or grating under the kneecap is typical of chondromalacia.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('feel', 'grinding', 'osteoarthritis', 2, 'Grating in the joint is common with osteoarthritis.');
-- worse
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'stairs-up', 'pes-anserine-bursitis', 3, 'Going up stairs typically hurts with pes anserine bursitis.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'stairs-up', 'runners-knee', 1, 'Stairs load the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'stairs-up', 'osteoarthritis', 1, 'Stairs often hurt with osteoarthritis.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'stairs-down', 'runners-knee', 3, 'Going down stairs is often the worst part of runner''s knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'stairs-down', 'chondromalacia', 1, 'Stairs hurt with chondromalacia.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'stairs-down', 'acl-injury', 1, 'A knee without a working ACL feels unsafe going downstairs.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'squatting', 'runners-knee', 2, 'Squatting and kneeling press the kneecap into the joint.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'squatting', 'chondromalacia', 1, 'Deep bending hurts with chondromalacia.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'squatting', 'meniscus-tear', 2, 'A deep squat pinches a torn meniscus.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'squatting', 'medial-plica', 2, 'A plica catches when the knee bends, as in squatting.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'sitting', 'runners-knee', 3, 'Aching after sitting with the knee bent (the "cinema sign") is typical of runner''s knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'sitting', 'chondromalacia', 2, 'Long sitting hurts with chondromalacia.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'sitting', 'medial-plica', 1, 'Long sitting can irritate a plica.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'standing-up', 'pes-anserine-bursitis', 2, 'Pain on rising from a chair fits pes anserine bursitis.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'standing-up', 'chondromalacia', 2, 'Rising from a chair hurts with chondromalacia.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'standing-up', 'runners-knee', 1, 'Standing up loads the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'running', 'training-load', 2, 'Pain brought on by running fits overload.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'running', 'runners-knee', 1, 'Running makes runner''s knee worse.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'running', 'it-band-syndrome', 1, 'IT band pain comes on while running.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'running', 'tibial-stress-fracture', 1, 'Impact makes a stress fracture hurt.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'running', 'muscle-imbalance', 1, 'Weak hip muscles show up as pain while running.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'downhill', 'it-band-syndrome', 3, 'Pain when running downhill is a classic IT band pattern.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'downhill', 'runners-knee', 2, 'Downhill running loads the kneecap.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'pivoting', 'meniscus-tear', 3, 'Twisting on the leg pinches a torn meniscus.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'pivoting', 'acl-injury', 2, 'Turning feels unstable without a working ACL.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'pivoting', 'mcl-injury', 2, 'Twisting and cutting stretch a sprained inner ligament.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'night', 'tibial-stress-fracture', 2, 'A stress fracture can ache at night as it gets worse.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'night', 'osteoarthritis', 1, 'Later osteoarthritis can ache at night.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'night', 'pes-anserine-bursitis', 1, 'Pes anserine bursitis can ache when lying on the side at night.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'night', 'meniscus-tear', 1, 'A worn meniscus tear can hurt at night.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'night', 'rheumatoid-arthritis', 1, 'Inflammatory arthritis can hurt at night.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'morning', 'rheumatoid-arthritis', 2, 'Inflammatory arthritis is worst first thing in the morning.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('worse', 'morning', 'osteoarthritis', 1, 'Osteoarthritis can be stiff and sore on getting up.');
-- run
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('run', 'same-point', 'it-band-syndrome', 5, 'Pain that starts at a predictable point in each run and eases after stopping is typical of IT band syndrome.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('run', 'after', 'training-load', 3, 'An ache after runs that settles in between fits overload.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('run', 'after', 'runners-knee', 1, 'Runner''s knee aches during and after runs.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('run', 'after', 'pes-anserine-bursitis', 1, 'Pes anserine bursitis aches after long or hilly runs.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('run', 'after', 'muscle-imbalance', 1, 'Tired, weak muscles make the knee ache late in a run.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('run', 'getting-worse', 'tibial-stress-fracture', 5, 'Pain that comes earlier in every run and now on walking can mean a bone stress injury.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('run', 'getting-worse', 'training-load', -1, 'Simple overload settles between runs rather than getting steadily worse.');
-- swelling
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'none', 'runners-knee', 1, 'Runner''s knee usually does not make the knee swell.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'none', 'chondromalacia', 1, 'Chondromalacia does not make the knee swell.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'none', 'it-band-syndrome', 1, 'IT band syndrome does not make the knee swell.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'none', 'medial-plica', 1, 'A plica usually does not make the knee swell.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'none', 'muscle-imbalance', 1, 'Weak muscles do not make the knee swell.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'none', 'hot-swollen-knee', -6, 'Gout and infection make the knee swell, and it is not swollen.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'none', 'acl-injury', -3, 'An ACL tear nearly always makes the knee swell.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'none', 'rheumatoid-arthritis', -2, 'Inflammatory arthritis usually gives a warm, spongy swelling.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'fast', 'acl-injury', 6, 'Swelling within a few hours of an injury usually means bleeding into the joint, as with an ACL tear.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'fast', 'kneecap-dislocation', 2, 'A kneecap dislocation also makes the knee swell quickly.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'fast', 'meniscus-tear', -1, 'A meniscus tear usually swells slowly, over a day.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'slow', 'meniscus-tear', 5, 'Swelling that builds over a day after a twist is typical of a meniscus tear.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'slow', 'mcl-injury', 1, 'A sprained inner ligament can swell a little.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'slow', 'acl-injury', -1, 'An ACL tear usually swells within hours rather than over a day.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'no-injury', 'hot-swollen-knee', 4, 'A knee that swells without an injury can be gout or an infection.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'no-injury', 'rheumatoid-arthritis', 3, 'Swelling without an injury fits inflammatory arthritis.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'no-injury', 'osteoarthritis', 2, 'Osteoarthritis can make the knee swell from time to time.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('swelling', 'below-joint', 'pes-anserine-bursitis', 4, 'A soft swelling just below the inner joint line fits an inflamed pes anserine bursa.');
-- mechanical
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'clicking', 'medial-plica', 4, 'Clicking or snapping as the knee bends fits a medial plica.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'clicking', 'chondromalacia', 1, 'Chondromalacia can crackle as the knee moves.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'clicking', 'meniscus-tear', 1, 'A torn meniscus can click.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'painful-clicking', 'meniscus-tear', 3, 'A painful click is often a torn meniscus.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'painful-clicking', 'medial-plica', 2, 'A plica can snap painfully over the bone.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'catching', 'meniscus-tear', 3, 'A feeling of something catching inside fits a torn meniscus.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'catching', 'medial-plica', 3, 'A plica catches as the knee bends.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'locking', 'meniscus-tear', 5, 'Brief locking is a typical sign of a torn flap of meniscus.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'giving-way', 'acl-injury', 5, 'The knee giving way, especially when turning, points to an ACL tear.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'giving-way', 'kneecap-dislocation', 2, 'An unstable kneecap makes the knee give way.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'giving-way', 'meniscus-tear', 1, 'A torn meniscus can make the knee give way.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'giving-way', 'muscle-imbalance', 1, 'Weak thigh muscles can make the knee feel like it will give way.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'none', 'pes-anserine-bursitis', 1, 'Pes anserine bursitis does not click, catch or lock.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'none', 'it-band-syndrome', 1, 'IT band syndrome does not make the knee lock or give way.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'none', 'meniscus-tear', -2, 'No catching, locking or giving way makes a meniscus tear less likely.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'none', 'medial-plica', -2, 'A plica usually clicks or catches.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('mechanical', 'none', 'acl-injury', -2, 'After an ACL tear the knee usually feels unstable.');
-- hop
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('hop', 'yes', 'tibial-stress-fracture', 6, 'Pain at one spot on the bone when hopping can mean a stress fracture.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('hop', 'no', 'tibial-stress-fracture', -3, 'Hopping without pain makes a stress fracture less likely.');
-- control
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('control', 'yes', 'muscle-imbalance', 6, 'The knee dropping inwards on a single-leg squat points to weak hip and thigh muscles.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('control', 'yes', 'runners-knee', 1, 'Weak hip muscles are a known risk factor for runner''s knee.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('control', 'yes', 'pes-anserine-bursitis', 1, 'A knee that drops inwards strains the inner side.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('control', 'no', 'muscle-imbalance', -2, 'Good control on a single-leg squat makes weak muscles a less likely cause.');
-- stiffness
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('stiffness', 'none', 'rheumatoid-arthritis', -2, 'Inflammatory arthritis nearly always makes the joints stiff in the morning.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('stiffness', 'short', 'osteoarthritis', 3, 'Morning stiffness of less than half an hour fits osteoarthritis.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('stiffness', 'long', 'rheumatoid-arthritis', 5, 'Morning stiffness lasting an hour or more points to an inflammatory arthritis.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('stiffness', 'long', 'osteoarthritis', -2, 'Osteoarthritis stiffness usually wears off within half an hour.');
-- age
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', 'under-16', 'chondromalacia', 2, 'Chondromalacia is common in teenagers.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', 'under-16', 'runners-knee', 1, 'Runner''s knee is common in young people.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', 'under-16', 'pain-from-outside-knee', 2, 'Between 8 and 15 a hip problem can show as knee pain.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', 'under-16', 'kneecap-dislocation', 2, 'Kneecap dislocation is most common in teenagers.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', 'under-16', 'medial-plica', 1, 'Plica problems start in the young.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', 'under-16', 'osteoarthritis', -6, 'Osteoarthritis is very unlikely at this age.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', 'under-16', 'rheumatoid-arthritis', -2, 'Rheumatoid arthritis usually starts between 30 and 60.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '16-29', 'runners-knee', 2, 'Runner''s knee is most common from the teens to the thirties.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '16-29', 'chondromalacia', 1, 'Chondromalacia is common in young adults.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '16-29', 'medial-plica', 1, 'Plica problems are most common before 30.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '16-29', 'acl-injury', 1, 'ACL tears are most common in young athletes.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '16-29', 'osteoarthritis', -4, 'Osteoarthritis is unlikely before 30 without an old injury.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '30-44', 'rheumatoid-arthritis', 1, 'Rheumatoid arthritis often starts between 30 and 60.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '30-44', 'osteoarthritis', -1, 'Osteoarthritis is usually diagnosed from 45 on.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '45-54', 'osteoarthritis', 3, 'Osteoarthritis is usually diagnosed from 45 on.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '45-54', 'meniscus-tear', 1, 'From middle age a worn meniscus tears more easily.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '45-54', 'pes-anserine-bursitis', 1, 'Pes anserine bursitis is common in middle age.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '45-54', 'rheumatoid-arthritis', 1, 'Rheumatoid arthritis often starts between 30 and 60.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '55-plus', 'osteoarthritis', 4, 'Osteoarthritis becomes common after 55.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '55-plus', 'meniscus-tear', 1, 'From middle age a worn meniscus tears more easily.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '55-plus', 'pes-anserine-bursitis', 1, 'Pes anserine bursitis often comes with knee osteoarthritis.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('age', '55-plus', 'runners-knee', -1, 'Runner''s knee is less common after 55.');
-- joints
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('joints', 'both-knees', 'rheumatoid-arthritis', 2, 'Inflammatory arthritis usually affects both sides.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('joints', 'both-knees', 'osteoarthritis', 1, 'Osteoarthritis often affects both knees.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('joints', 'both-knees', 'pes-anserine-bursitis', 1, 'Pes anserine bursitis affects both knees in about a third of people.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('joints', 'both-knees', 'runners-knee', 1, 'Runner''s knee often affects both knees.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('joints', 'hands-feet', 'rheumatoid-arthritis', 6, 'Pain in the small joints of the hands or feet as well points to rheumatoid arthritis.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('joints', 'none', 'rheumatoid-arthritis', -3, 'A single sore knee with no other joints involved makes rheumatoid arthritis unlikely.');
-- duration
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('duration', 'under-3-days', 'training-load', 1, 'A new ache after a hard spell of training fits overload.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('duration', 'over-6-weeks', 'osteoarthritis', 1, 'Osteoarthritis is a long-standing problem.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('duration', 'over-6-weeks', 'runners-knee', 1, 'Runner''s knee can last for months.');
INSERT INTO wizard_evidence (question_id, option_id, cause_id, weight, reason) VALUES ('duration', 'over-6-weeks', 'training-load', -2, 'Pain from a training spike usually settles within a few weeks of easing off.');

-- ===========================================================================
-- Engine rules and the articles to read for each level.
-- ===========================================================================
INSERT INTO wizard_rule (id, level, text, source) VALUES ('no-match', 2, 'None of the usual causes fits your answers well, so a physio or GP should examine the knee.', 'AAFP, Evaluation of knee pain (2018): history and examination - https://www.aafp.org/afp/2018/1101/p576.html');

INSERT INTO wizard_read (level, position, article_id) VALUES (1, 1, 'first-days');
INSERT INTO wizard_read (level, position, article_id) VALUES (1, 2, 'ice');
INSERT INTO wizard_read (level, position, article_id) VALUES (1, 3, 'not-getting-better');
INSERT INTO wizard_read (level, position, article_id) VALUES (2, 1, 'what-the-clinician-asks');
INSERT INTO wizard_read (level, position, article_id) VALUES (2, 2, 'not-getting-better');
INSERT INTO wizard_read (level, position, article_id) VALUES (3, 1, 'red-flags');
INSERT INTO wizard_read (level, position, article_id) VALUES (3, 2, 'emergency-signs');
INSERT INTO wizard_read (level, position, article_id) VALUES (5, 1, 'emergency-signs');
INSERT INTO wizard_read (level, position, article_id) VALUES (5, 2, 'red-flags');
