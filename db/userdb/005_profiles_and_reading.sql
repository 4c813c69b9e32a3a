-- User database, version 5: profiles compared without case, an unfinished
-- symptom check kept per profile, bookmarks and what was read.
--
-- Runs with foreign keys off (kc_userdb_open does that for every migration
-- and checks them before committing), so the profile table can be rebuilt
-- without its dependants being deleted. kc_name_key() is registered by the
-- store on every connection: the same fold as kc_profile_name_key() in C
-- (profile.h), so keys made here and keys made at run time agree.

-- ---- profiles: one name whatever its case ----------------------------------
-- "ROOT" and "root" could both be created before. Nothing is lost: the first
-- one (lowest id) keeps its name, each later one is renamed "root (2)",
-- "root (3)"..., keeping all its data, and if that new name is taken too the
-- profile's id makes it unique ("root (#7)").
CREATE TEMP TABLE profile_name AS
  SELECT p.id, p.name, p.name AS orig, kc_name_key(p.name) AS k,
         (SELECT count(*) FROM profile q
           WHERE kc_name_key(q.name) = kc_name_key(p.name) AND q.id < p.id) AS dup
  FROM profile p;
UPDATE profile_name
  SET name = rtrim(substr(name, 1, 58)) || ' (' || (dup + 1) || ')',
      k = kc_name_key(rtrim(substr(name, 1, 58)) || ' (' || (dup + 1) || ')')
  WHERE dup > 0;
UPDATE profile_name
  SET name = rtrim(substr(orig, 1, 50)) || ' (#' || id || ')',
      k = kc_name_key(rtrim(substr(orig, 1, 50)) || ' (#' || id || ')')
  WHERE dup > 0 AND EXISTS (SELECT 1 FROM profile_name o WHERE o.k = profile_name.k AND o.id <> profile_name.id);

CREATE TABLE profile_v5 (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
  -- kc_profile_name_key(name): what makes two names the same profile
  name_key   TEXT NOT NULL UNIQUE CHECK (length(name_key) BETWEEN 1 AND 64),
  created_at INTEGER NOT NULL
);
INSERT INTO profile_v5 (id, name, name_key, created_at)
  SELECT p.id, n.name, n.k, p.created_at FROM profile p JOIN profile_name n ON n.id = p.id;
DROP TABLE profile;
ALTER TABLE profile_v5 RENAME TO profile;
DROP TABLE temp.profile_name;

-- ---- an unfinished symptom check, one per profile --------------------------------
-- The answers so far, in the --answers file format the caller uses, and
-- the question the person was on, so reopening offers to continue.
CREATE TABLE wizard_draft (
  profile_id  INTEGER PRIMARY KEY REFERENCES profile (id) ON DELETE CASCADE,
  answers     TEXT NOT NULL CHECK (length(answers) <= 65536),
  question_id TEXT NOT NULL DEFAULT '' CHECK (length(question_id) <= 64),
  saved_at    INTEGER NOT NULL
);

-- ---- reading ------------------------------------------------------------------------
-- Article ids are the content's: lower-case letters, digits and inner
-- hyphens, 1..64 (kc_article_id_valid).
CREATE TABLE bookmark (
  profile_id INTEGER NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
  article_id TEXT NOT NULL CHECK (length(article_id) BETWEEN 1 AND 64
                                  AND article_id NOT GLOB '*[^a-z0-9-]*'
                                  AND article_id NOT GLOB '-*' AND article_id NOT GLOB '*-'),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (profile_id, article_id)
) WITHOUT ROWID;
-- Bookmarks newest first.
CREATE INDEX bookmark_by_time ON bookmark (profile_id, created_at);

-- One row per article read: how far (thousandths of the article, 0 = top,
-- 1000 = the end: independent of the width it was read at) and when.
CREATE TABLE reading (
  profile_id INTEGER NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
  article_id TEXT NOT NULL CHECK (length(article_id) BETWEEN 1 AND 64
                                  AND article_id NOT GLOB '*[^a-z0-9-]*'
                                  AND article_id NOT GLOB '-*' AND article_id NOT GLOB '*-'),
  position   INTEGER NOT NULL DEFAULT 0 CHECK (position BETWEEN 0 AND 1000),
  read_at    INTEGER NOT NULL,
  PRIMARY KEY (profile_id, article_id)
) WITHOUT ROWID;
-- "Recently read" and "continue where I left off": newest first.
CREATE INDEX reading_recent ON reading (profile_id, read_at);
