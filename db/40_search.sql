-- Search: the indexes and word lists search needs beyond the article index
-- of 00_schema.sql. The packer (src/pack/pack_search.c) fills the indexes,
-- checks every row below (a synonym's target must occur in some article,
-- reported as file:line) and records in meta what it checked over every
-- article, so that opening a content file needs no pass over the articles.
-- A clinic's --content database can extend both word lists.
INSERT INTO meta (key, value) VALUES ('search_version', '1');

-- Titles, summaries and headings: searched before the bodies, so an article
-- whose title, summary or headings hold every word comes first; small, so a
-- common word costs little even with 100,000 articles. Filled by the packer;
-- contentless (the text is in article, and only ranking reads this index).
CREATE VIRTUAL TABLE search_head USING fts5 (
  title, summary, headings, content = '',
  tokenize = 'porter unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);

-- Every word of the articles as written (no stemming) with the number of
-- articles holding it, and the words of the synonym terms: the vocabulary
-- that corrects typing mistakes and completes an unfinished word. The packer
-- reads it from fts5vocab over a temporary unstemmed index; kept as a table
-- because fts5vocab counts a word's articles by walking its whole doclist
-- on every read (30 ms per correction at 100,000 articles, 0.06 ms here).
CREATE TABLE search_vocab (
  word TEXT PRIMARY KEY,
  docs INTEGER NOT NULL
) WITHOUT ROWID;

-- Filler words: a query's words that say nothing about the knee. They never
-- make a search fail ("why does my knee hurt" searches "knee hurt"); a query
-- of filler words alone is searched as typed.
CREATE TABLE search_stopword (
  word TEXT PRIMARY KEY -- one word, lower case
) WITHOUT ROWID;

-- What people type -> what the articles say. A query word (or words) that
-- is a term here is searched as any of its meanings too: "itb" finds
-- "IT band" and "iliotibial". Terms match whatever the case, with or without
-- a final s and an apostrophe ("runners knee" is "runner's knee").
CREATE TABLE search_synonym (
  term  TEXT NOT NULL, -- what people type
  means TEXT NOT NULL, -- words the articles use (searched as a phrase)
  PRIMARY KEY (term, means)
) WITHOUT ROWID;

INSERT INTO search_stopword (word) VALUES
  ('a'), ('about'), ('above'), ('after'), ('again'), ('all'), ('also'), ('am'), ('an'),
  ('and'), ('any'), ('are'), ('as'), ('at'), ('be'), ('because'), ('been'), ('before'),
  ('being'), ('best'), ('both'), ('but'), ('by'), ('can'), ('cannot'), ('could'), ('did'),
  ('do'), ('does'), ('doing'), ('done'), ('during'), ('each'), ('even'), ('ever'), ('every'),
  ('few'), ('for'), ('from'), ('get'), ('gets'), ('good'), ('got'), ('had'), ('has'),
  ('have'), ('having'), ('he'), ('her'), ('here'), ('him'), ('his'), ('how'), ('i'), ('if'),
  ('im'), ('in'), ('into'), ('is'), ('it'), ('its'), ('ive'), ('just'), ('know'), ('me'),
  ('mean'), ('might'), ('more'), ('most'), ('much'), ('must'), ('my'), ('myself'), ('of'),
  ('off'), ('ok'), ('okay'), ('on'), ('once'), ('only'), ('or'), ('our'), ('out'), ('over'),
  ('please'), ('really'), ('she'), ('should'), ('so'), ('some'), ('still'), ('such'),
  ('tell'), ('than'), ('that'), ('the'), ('their'), ('them'), ('then'), ('there'),
  ('these'), ('they'), ('thing'), ('things'), ('this'), ('those'), ('to'), ('too'), ('up'),
  ('very'), ('was'), ('we'), ('were'), ('what'), ('whats'), ('when'), ('where'), ('which'),
  ('while'), ('who'), ('why'), ('will'), ('with'), ('would'), ('you'), ('your'), ('yours'),
  ('help'), ('helps'),
  ('actually'), ('completely'), ('totally'), ('definitely'), ('probably'), ('anything'),
  ('something'), ('go'), ('goes'), ('going'),
  -- what unicode61 leaves of a contraction before "'t": "won't" -> "won" "t"
  ('aren'), ('couldn'), ('didn'), ('doesn'), ('don'), ('hadn'), ('hasn'), ('haven'),
  ('isn'), ('shouldn'), ('wasn'), ('weren'), ('won'), ('wouldn');

INSERT INTO search_synonym (term, means) VALUES
  -- names of conditions and their abbreviations
  ('itb', 'it band'), ('itb', 'iliotibial'),
  ('itbs', 'it band'), ('itbs', 'iliotibial'),
  ('it band', 'iliotibial'),
  ('iliotibial band', 'it band'),
  ('pfps', 'patellofemoral'), ('pfps', 'runner''s knee'),
  ('pfp', 'patellofemoral'), ('pfp', 'runner''s knee'),
  ('runner''s knee', 'patellofemoral'),
  ('patellofemoral pain', 'runner''s knee'),
  ('acl', 'anterior cruciate'),
  ('anterior cruciate', 'acl'),
  ('cruciate', 'acl'),
  ('mcl', 'medial collateral'),
  ('medial collateral', 'mcl'),
  ('oa', 'osteoarthritis'),
  ('wear and tear', 'osteoarthritis'),
  ('ra', 'rheumatoid'),
  ('dvt', 'blood clot'), ('dvt', 'deep vein'),
  ('deep vein thrombosis', 'dvt'), ('deep vein thrombosis', 'blood clot'),
  ('blood clot', 'dvt'),
  ('ocd', 'osteochondritis dissecans'), ('ocd', 'loose bodies'),
  ('loose body', 'loose bodies'),
  ('septic knee', 'septic arthritis'),
  ('infected knee', 'infection'),
  ('jumper''s knee', 'patellar tendinopathy'), ('jumper''s knee', 'patellar tendon'),
  ('patellar tendinitis', 'patellar tendinopathy'),
  ('patellar tendonitis', 'patellar tendinopathy'),
  ('tendonitis', 'tendinopathy'), ('tendonitis', 'tendinitis'),
  ('tendinitis', 'tendinopathy'),
  ('goosefoot', 'pes anserine'),
  ('pes anserinus', 'pes anserine'),
  ('bakers cyst', 'baker''s cyst'),
  ('torn cartilage', 'meniscus'),
  ('cartilage damage', 'cartilage'), ('damaged cartilage', 'cartilage'),
  ('cartilage tear', 'meniscus'),
  ('broken bone', 'fracture'),
  ('fell', 'fall'), ('tore', 'torn'), ('tore', 'tear'), ('broke', 'broken'),
  ('knelt', 'kneel'), ('ran', 'run'),
  ('break', 'fracture'), ('break', 'broken'),
  ('sciatica', 'lower back'), ('sciatica', 'nerve'),
  -- parts of the body
  ('kneecap', 'patella'), ('kneecap', 'patellar'),
  ('knee cap', 'kneecap'),
  ('patella', 'kneecap'),
  ('patellar', 'kneecap'),
  ('shin', 'shin bone'), ('shin', 'tibial'),
  ('shinbone', 'shin bone'),
  ('tibia', 'shin bone'),
  ('femur', 'thigh bone'),
  ('quad', 'quadriceps'),
  ('glute', 'hip'), ('bum', 'glute'), ('buttock', 'glute'),
  ('abs', 'core'),
  -- first aid and medicines
  ('ice', 'cold pack'), ('ice', 'ice pack'),
  ('icing', 'ice'),
  ('cold pack', 'ice'),
  ('frozen peas', 'ice'),
  ('rice', 'ice'), ('rice', 'compression'), ('rice', 'elevation'),
  ('paracetamol', 'painkiller'),
  ('acetaminophen', 'paracetamol'),
  ('tylenol', 'paracetamol'),
  ('panadol', 'paracetamol'),
  ('calpol', 'paracetamol'),
  ('ibuprofen', 'anti-inflammatory'),
  ('advil', 'ibuprofen'),
  ('nurofen', 'ibuprofen'),
  ('motrin', 'ibuprofen'),
  ('brufen', 'ibuprofen'),
  ('aleve', 'naproxen'),
  ('naprosyn', 'naproxen'),
  ('nsaid', 'anti-inflammatory'), ('nsaid', 'ibuprofen'), ('nsaid', 'naproxen'),
  ('anti-inflammatories', 'anti-inflammatory'),
  ('voltaren', 'anti-inflammatory'),
  ('diclofenac', 'anti-inflammatory'),
  ('painkiller', 'pain relief'), ('painkiller', 'paracetamol'),
  ('pain killer', 'pain relief'), ('pain killer', 'paracetamol'),
  ('pain meds', 'pain relief'),
  ('meds', 'medicines'),
  ('medication', 'medicines'),
  ('knee support', 'brace'),
  ('scope', 'arthroscopy'),
  ('knee scope', 'arthroscopy'),
  ('operation', 'surgery'),
  -- who to see
  ('physio', 'physiotherapist'),
  ('physiotherapist', 'physio'),
  ('physical therapist', 'physiotherapist'), ('physical therapist', 'physio'),
  ('physical therapy', 'physiotherapy'), ('physical therapy', 'physio'),
  ('doctor', 'gp'), ('doctor', 'clinician'),
  ('gp', 'doctor'),
  ('family doctor', 'gp'),
  ('general practitioner', 'gp'),
  -- Articles never say "emergency" themselves (the level titles do, from the
  -- database): these reach the warning-sign articles by their own words.
  ('emergency', 'warning signs'), ('emergency', 'ambulance'),
  ('a&e', 'warning signs'), ('a&e', 'ambulance'),
  ('er', 'warning signs'), ('er', 'ambulance'),
  ('999', 'ambulance'), ('911', 'ambulance'), ('112', 'ambulance'),
  ('urgent care', 'warning signs'),
  -- tests
  ('xray', 'x-ray'),
  ('radiograph', 'x-ray'),
  ('magnetic resonance', 'mri'),
  -- shoes and feet
  ('trainers', 'running shoes'), ('trainers', 'shoes'),
  ('sneakers', 'running shoes'), ('sneakers', 'shoes'),
  ('flat feet', 'low arch'),
  ('flat foot', 'flat feet'),
  ('fallen arches', 'flat feet'),
  ('low arches', 'flat feet'),
  ('overpronation', 'pronation'),
  ('overpronate', 'pronation'),
  ('supinate', 'supination'),
  -- what people feel
  ('hurt', 'pain'), ('hurt', 'sore'),
  ('hurting', 'pain'),
  ('sore', 'pain'),
  ('ache', 'pain'),
  ('aching', 'ache'), ('aching', 'pain'),
  ('achy', 'ache'),
  ('swollen', 'swelling'),
  ('swelling', 'swollen'),
  ('puffy', 'swelling'), ('puffy', 'swollen'),
  ('swelled', 'swelling'),
  ('gives way', 'giving way'),
  ('give way', 'giving way'),
  ('buckle', 'giving way'),
  ('buckling', 'giving way'),
  ('unstable', 'giving way'), ('unstable', 'instability'),
  ('wobbly', 'giving way'),
  ('stuck', 'locking'), ('stuck', 'locked'),
  ('snapping', 'clicking'),
  ('grinding', 'grating'), ('grinding', 'crepitus'),
  ('grating', 'grinding'),
  ('crunching', 'grinding'), ('crunching', 'grating'),
  ('pins and needles', 'tingling'),
  ('numbness', 'numb'),
  ('high temperature', 'fever'),
  ('feverish', 'fever'),
  ('bump', 'lump'),
  ('nighttime', 'night'),
  ('staircase', 'stairs'),
  ('downstairs', 'stairs'),
  ('upstairs', 'stairs'),
  -- running and training: porter keeps "runner" and "run" apart
  ('running', 'runner'), ('run', 'runner'), ('runner', 'running'),
  ('mileage', 'distance'),
  ('run again', 'back to running'), ('run again', 'return to running'),
  ('running again', 'back to running'), ('running again', 'return to running'),
  ('strengthening', 'strength'),
  ('strengthen', 'strength'),
  ('workout', 'exercise'),
  ('rehab', 'exercises'),
  -- people
  ('kid', 'child'), ('kid', 'children'),
  ('son', 'child'), ('daughter', 'child'),
  ('teen', 'teenager'),
  ('adolescent', 'teenager'),
  ('warning sign', 'red flags'),
  ('red flag', 'warning signs'),
  ('danger sign', 'warning signs');
