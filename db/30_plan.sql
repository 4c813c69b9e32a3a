-- The 3-day recovery plan: the checklist shown for each of days 1..3, in
-- two versions that follow the result (issue 9 section 3). The cause a
-- plan is started from carries a plan kind (wizard_cause.plan_kind):
--   injury  - a fall, twist, knock or blow, or a swollen knee: protect it
--             for the first days (PEACE & LOVE, the NHS PRICE advice), then
--             gentle loading; compression and raising the leg help swelling.
--   overuse - pain that built up with running and no swelling: relative
--             rest and load management with exercise (JOSPT 2019, BJSM
--             2016 consensus); compression and raising the leg have no part.
-- A plan started without a check asks one question (a fall, twist, knock or
-- swelling?). Plans saved by older versions have no kind and get the injury
-- version: it is the RICE plan they were started with, so their ticks keep
-- their meaning.
-- Ice is an optional comfort measure in both (ice.md, peace-and-love.md):
-- sessions are recorded when used and never make a day incomplete. Stairs
-- are allowed with the rail, one step at a time (rest-and-movement.md).
-- Pain relief agrees with first-aid/pain-relief-medicines.md (NICE NG226,
-- NHS medicines pages).
--
-- kind:   'check' = one tick a day; 'ice' = sessions recorded when used;
--         'pain' = a score 0-10 (morning and evening) with an optional note.
-- target: 1 = counts in the day's progress; 0 = optional ("if it helps",
--         "only if needed"): shown, recorded, never counted. Ice is always 0.
-- plan_kind: 'injury' or 'overuse' for a task of one version only; NULL for
--         a task of both.
-- article_id: an existing article id; the packer checks it.
-- source: Publisher, Title - address (checked date), ' ; ' between several.
-- One row per line so a packer error can point at file:line.
CREATE TABLE plan_task (
  id         TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 32),
  position   INT NOT NULL UNIQUE,
  kind       TEXT NOT NULL CHECK (kind IN ('check', 'ice', 'pain')),
  label      TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 72),
  detail     TEXT NOT NULL,
  article_id TEXT NOT NULL,
  target     INT NOT NULL CHECK (target IN (0, 1)),
  plan_kind  TEXT CHECK (plan_kind IS NULL OR plan_kind IN ('injury', 'overuse')),
  source     TEXT NOT NULL CHECK (length(source) > 0),
  CHECK (kind <> 'ice' OR target = 0)
);

INSERT INTO plan_task (id, position, kind, label, detail, article_id, target, plan_kind, source) VALUES ('rest-move', 1, 'check', 'Protect the knee, but keep it moving', 'For the first 1 to 3 days, do not run or jump, and avoid twisting or turning on the knee. Do not keep it still all day either: every hour or so, slowly bend and straighten it a few times as far as is comfortable, and walk short distances as the pain allows. Stairs are fine if you can manage them: hold the rail and go one step at a time. Leave out heat, alcohol and massage for the first 3 days.', 'rest-and-movement', 1, 'injury', 'Dubois B and Esculier J-F, Soft-tissue injuries simply need PEACE and LOVE, BJSM 2020 - https://bjsm.bmj.com/content/54/2/72 (checked 2026-11-30) ; NHS, Sprains and strains - https://www.nhs.uk/conditions/sprains-and-strains/ (checked 2026-11-30) ; Mersey Care NHS Foundation Trust, Protection, rest and ice - https://www.merseycare.nhs.uk/physiotherapy/protection-rest-ice (checked 2026-11-30)');
INSERT INTO plan_task (id, position, kind, label, detail, article_id, target, plan_kind, source) VALUES ('gentle-load', 2, 'check', 'Gentle leg exercises, as the pain allows', 'Start with the easiest exercises in the article: tighten the thigh muscle and hold for 5 seconds, and do straight-leg raises, about 10 at a time, a few times a day. Add more once they feel easy. An ache of up to about 3 out of 10 is fine if it has settled by the next morning; if it is worse the next day, do fewer.', 'knee-exercises', 1, 'injury', 'Dubois B and Esculier J-F, Soft-tissue injuries simply need PEACE and LOVE (load), BJSM 2020 - https://bjsm.bmj.com/content/54/2/72 (checked 2026-11-30) ; Cambridge University Hospitals NHS Foundation Trust, Knee exercises (straight leg raise) - https://www.cuh.nhs.uk/patient-information/knee-exercises/ (checked 2026-11-30)');
INSERT INTO plan_task (id, position, kind, label, detail, article_id, target, plan_kind, source) VALUES ('elevation', 3, 'check', 'Raise the leg in short spells when you rest', 'A few times a day, sit or lie with the whole leg supported on pillows from heel to thigh, so the knee is higher than your heart. Short spells are enough. It helps swelling drain away.', 'compression-elevation', 1, 'injury', 'Dubois B and Esculier J-F, Soft-tissue injuries simply need PEACE and LOVE (elevate), BJSM 2020 - https://bjsm.bmj.com/content/54/2/72 (checked 2026-11-30) ; NHS, Sprains and strains - https://www.nhs.uk/conditions/sprains-and-strains/ (checked 2026-11-30)');
INSERT INTO plan_task (id, position, kind, label, detail, article_id, target, plan_kind, source) VALUES ('compression', 4, 'check', 'Compression bandage if the knee is swollen', 'If the knee is swollen, wear an elastic bandage over it while you are up and about, firm but not tight, and take it off at night. Loosen it at once if your toes go cold, pale or blue, tingle, or the pain gets worse. If you have diabetes or poor blood flow in your legs, ask a pharmacist before using one.', 'compression-elevation', 0, 'injury', 'Cambridge University Hospitals NHS Foundation Trust, Management of acute injuries (sprains and strains): PRICE guidelines - https://cuh.nhs.uk/patient-information/management-of-acute-injuries-sprains-and-strains-price-guidelines (checked 2026-11-30) ; NHS, Sprains and strains - https://www.nhs.uk/conditions/sprains-and-strains/ (checked 2026-11-30)');
INSERT INTO plan_task (id, position, kind, label, detail, article_id, target, plan_kind, source) VALUES ('walking-aid', 5, 'check', 'Walking aid only if needed', 'Use a crutch or walking stick only if you have a marked limp, and only for a day or two, putting as much weight through the leg as is comfortable. Hold a stick in the hand on the side of the good leg.', 'rest-and-movement', 0, 'injury', 'Northern Care Alliance NHS Foundation Trust, Managing knee pain - https://northerncarealliance.nhs.uk/patient-information/patient-leaflets/emergency-and-urgent-care-managing-knee-pain (checked 2026-11-30)');
INSERT INTO plan_task (id, position, kind, label, detail, article_id, target, plan_kind, source) VALUES ('relative-rest', 6, 'check', 'Ease off: no running for now, stay active without pain', 'Pause running for now, and cut back whatever brings the pain on, such as hills, deep squats, jumping or long spells sitting with the knee bent. Keep active in ways that do not hurt: walking, easy cycling or swimming. Stairs are fine: if they hurt, hold the rail and go one step at a time. An ache of up to about 3 out of 10 that has settled by the next morning is fine.', 'rest-and-movement', 1, 'overuse', 'Willy RW et al., Patellofemoral pain: clinical practice guidelines, JOSPT 2019 - https://www.jospt.org/doi/10.2519/jospt.2019.0302 (checked 2026-11-30) ; Sussex Community NHS Foundation Trust, Patellofemoral pain: modifying activities - https://www.sussexcommunity.nhs.uk/patients-and-visitors/resources/patient-resources/patellofemoral-pain-syndrome/modifying-activities (checked 2026-11-30) ; University Hospitals of Morecambe Bay NHS Foundation Trust, Knee pain - https://www.uhmb.nhs.uk/our-services/services/musculoskeletal-msk-physiotherapy/musculoskeletal-msk-pain/knee-pain (checked 2026-11-30)');
INSERT INTO plan_task (id, position, kind, label, detail, article_id, target, plan_kind, source) VALUES ('strength', 7, 'check', 'Hip and thigh strength exercises', 'Once a day, do the stage 1 exercises in the article for the thigh and hip muscles, such as the wall sit, glute bridge and clamshell, 2 to 3 sets of 10. Move slowly. An ache of up to about 3 out of 10 is fine if it has settled by the next morning; if the knee is worse the next day, do the easier version or fewer.', 'knee-exercises', 1, 'overuse', 'Willy RW et al., Patellofemoral pain: clinical practice guidelines (hip and knee exercise), JOSPT 2019 - https://www.jospt.org/doi/10.2519/jospt.2019.0302 (checked 2026-11-30) ; Crossley KM et al., 2016 Patellofemoral pain consensus statement, part 2, BJSM 2016 - https://pmc.ncbi.nlm.nih.gov/articles/PMC4975825/ (checked 2026-11-30)');
INSERT INTO plan_task (id, position, kind, label, detail, article_id, target, plan_kind, source) VALUES ('ice', 8, 'ice', 'Ice, if it eases the pain', 'Ice is optional: use it only if it makes the knee more comfortable. Wrap the pack (or a bag of frozen peas) in a thin towel or cloth so ice never touches the skin. Look at the skin after 5 minutes and stop if it is numb, white or blotchy. At most 20 minutes at a time, with 2 to 3 hours between; never while asleep, and not on skin that cannot feel cold.', 'ice', 0, NULL, 'NHS, Sprains and strains - https://www.nhs.uk/conditions/sprains-and-strains/ (checked 2026-11-30) ; Northern Care Alliance NHS Foundation Trust, Managing knee pain - https://northerncarealliance.nhs.uk/patient-information/patient-leaflets/emergency-and-urgent-care-managing-knee-pain (checked 2026-11-30)');
INSERT INTO plan_task (id, position, kind, label, detail, article_id, target, plan_kind, source) VALUES ('pain-relief', 9, 'check', 'Pain relief only if you need it', 'Ask a pharmacist which painkiller suits you, and never take more than the pack says. A gel such as ibuprofen gel on the knee is often a good start, and the first choice for knee osteoarthritis. Paracetamol suits most adults, but check first if you have liver problems, drink heavily or weigh under 50 kg, and never take two products that both contain it. After an injury, do not take anti-inflammatory tablets such as ibuprofen in the first 48 hours. Check before taking them at all if you have had a stomach ulcer, have asthma, heart or kidney problems, take a blood thinner, are pregnant or are over 65, and never take them around a long run. Never stop aspirin a doctor prescribed for you.', 'pain-relief-medicines', 0, NULL, 'NICE, Osteoarthritis in over 16s: diagnosis and management (NG226) - https://www.nice.org.uk/guidance/ng226/chapter/Recommendations (checked 2026-11-30) ; NHS, Paracetamol for adults - https://www.nhs.uk/medicines/paracetamol-for-adults/ (checked 2026-11-30) ; NHS, Ibuprofen for adults - https://www.nhs.uk/medicines/ibuprofen-for-adults/ (checked 2026-11-30) ; NHS, Sprains and strains - https://www.nhs.uk/conditions/sprains-and-strains/ (checked 2026-11-30) ; Cambridge University Hospitals NHS Foundation Trust, Aspirin information - https://cuh.nhs.uk/patient-information/aspirin-information (checked 2026-11-30)');
INSERT INTO plan_task (id, position, kind, label, detail, article_id, target, plan_kind, source) VALUES ('pain-score', 10, 'pain', 'Pain score morning and evening, 0-10', '0 is no pain and 10 the worst pain you can imagine. Score the knee in the morning and again in the evening, and note what made it better or worse. The scores show whether it is easing by day 3.', 'first-days', 1, NULL, 'Dubois B and Esculier J-F, Soft-tissue injuries simply need PEACE and LOVE (educate), BJSM 2020 - https://bjsm.bmj.com/content/54/2/72 (checked 2026-11-30)');

-- The daily safety check asks the warning signs marked recheck = 1 in the
-- sign table (db/15_triage.sql), each with its own level. This table is
-- no longer read and is kept empty for one round so tools and tests that
-- look at it keep working; the plan's next revision drops it.
CREATE TABLE plan_redflag (
  question_id TEXT NOT NULL PRIMARY KEY,
  position    INT NOT NULL UNIQUE
);
