-- The 3-day RICE recovery plan: the checklist shown for each of days 1..3.
-- Advice follows clinical-notes.md section 3.7 (NHS sprain/strain advice,
-- PEACE & LOVE): ice up to 20 min 3-4 times a day with skin checks and never
-- while asleep; compression loosened if the toes change colour; elevation;
-- relative rest that keeps the knee moving; paracetamol before NSAIDs, and
-- no ibuprofen in the first 48 hours.
--
-- kind:   'check' = one tick a day; 'ice' = a count of sessions; 'pain' = a
--         score 0-10 with an optional note.
-- target: what counts as done for the day: 1 for a tick or a score, the
--         number of sessions for ice; 0 marks an optional task ("only if
--         needed"), which is shown but never counted in the day's progress.
-- article_id: an existing article id; the packer checks it.
-- One row per line so a packer error can point at file:line.
CREATE TABLE plan_task (
  id         TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 32),
  position   INT NOT NULL UNIQUE,
  kind       TEXT NOT NULL CHECK (kind IN ('check', 'ice', 'pain')),
  label      TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 72),
  detail     TEXT NOT NULL,
  article_id TEXT NOT NULL,
  target     INT NOT NULL CHECK (target >= 0)
);

INSERT INTO plan_task (id, position, kind, label, detail, article_id, target) VALUES ('ice', 1, 'ice', 'Ice the knee 3-4 times today, about 20 minutes each', 'Wrap the ice pack (or a bag of frozen peas) in a thin damp towel so ice never touches the skin. Look at the skin after 5 minutes: stop if it is numb, white or blotchy. Up to 20 minutes at a time, every 2-3 hours while you are awake; never ice while asleep or on skin that is already numb.', 'ice', 4);
INSERT INTO plan_task (id, position, kind, label, detail, article_id, target) VALUES ('compression', 2, 'check', 'Compression bandage on during the day', 'An elastic bandage over the knee, snug but not tight, while you are up and about; take it off at night. Loosen it straight away if your toes go cold, pale or blue, tingle, or the pain gets worse. Ask a pharmacist first if you have diabetes or poor circulation in your legs.', 'compression-elevation', 1);
INSERT INTO plan_task (id, position, kind, label, detail, article_id, target) VALUES ('elevation', 3, 'check', 'Leg raised above heart level when resting and in bed', 'When you sit or lie down, rest the leg on pillows so the knee is higher than your heart; a pillow under the calf at night does the same. It helps swelling drain away.', 'compression-elevation', 1);
INSERT INTO plan_task (id, position, kind, label, detail, article_id, target) VALUES ('rest-move', 4, 'check', 'Rest from running and stairs, but keep the knee moving', 'No running, jumping or stairs for now, and no heat, alcohol or massage in the first days. Do not keep it still all day either: every hour or so, slowly bend and straighten the knee a few times within comfort, and walk short distances as the pain allows. Long spells without moving make it stiffer.', 'rest-and-movement', 1);
INSERT INTO plan_task (id, position, kind, label, detail, article_id, target) VALUES ('walking-aid', 5, 'check', 'Walking aid only if needed', 'Use a crutch or walking stick only if you cannot walk without limping, and only for a day or two, putting as much weight through the leg as is comfortable. If you cannot take any weight on the leg (4 steps) after a fall, twist or blow, do not manage it at home: get it checked urgently.', 'rest-and-movement', 0);
INSERT INTO plan_task (id, position, kind, label, detail, article_id, target) VALUES ('pain-relief', 6, 'check', 'Pain relief only if suitable', 'If you need a painkiller, paracetamol comes first. Do not take ibuprofen or other anti-inflammatories in the first 48 hours, as they may slow healing; after that, read the cautions first (stomach ulcers or bleeding, asthma, kidney, liver or heart problems, high blood pressure, pregnancy, blood thinners, age over 65) and ask a pharmacist if unsure. Never go over the dose on the pack.', 'pain-relief-medicines', 0);
INSERT INTO plan_task (id, position, kind, label, detail, article_id, target) VALUES ('pain-score', 7, 'pain', 'Pain score today, 0-10, with an optional note', '0 is no pain and 10 the worst pain you can imagine. Score the knee at about the same time each day, for example in the evening, and note what made it better or worse. The scores show whether it is easing by day 3.', 'first-days', 1);

-- The daily safety check asks the warning signs marked recheck = 1 in the
-- sign table (db/15_triage.sql), each with its own level. This table is
-- no longer read and is kept empty for one round so tools and tests that
-- look at it keep working; the plan's next revision drops it.
CREATE TABLE plan_redflag (
  question_id TEXT NOT NULL PRIMARY KEY,
  position    INT NOT NULL UNIQUE
);
