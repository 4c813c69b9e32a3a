-- Content database schema: topics, articles, their links and sources, and
-- the full-text index. The packer (src/pack) runs every db/*.sql file in name
-- order, then loads assets/articles/**/*.md into these tables.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('format', 'kneecare-content');
INSERT INTO meta (key, value) VALUES ('format_version', '1');

CREATE TABLE topic (
  id       TEXT PRIMARY KEY,
  position INTEGER NOT NULL UNIQUE,
  title    TEXT NOT NULL,
  summary  TEXT NOT NULL
);

CREATE TABLE article (
  id          TEXT PRIMARY KEY,
  topic_id    TEXT NOT NULL REFERENCES topic (id),
  position    INTEGER NOT NULL,
  title       TEXT NOT NULL,
  summary     TEXT NOT NULL,
  body        TEXT NOT NULL, -- Markdown source
  plain       TEXT NOT NULL, -- body without markup: what search indexes and quotes
  source_file TEXT NOT NULL,
  reviewed    TEXT          -- YYYY-MM-DD the content was last checked, or NULL
);
CREATE INDEX article_by_topic ON article (topic_id, position, title);

CREATE TABLE article_related (
  article_id TEXT NOT NULL REFERENCES article (id),
  related_id TEXT NOT NULL REFERENCES article (id),
  position   INTEGER NOT NULL,
  PRIMARY KEY (article_id, related_id)
);

CREATE TABLE article_source (
  article_id TEXT NOT NULL REFERENCES article (id),
  position   INTEGER NOT NULL,
  text       TEXT NOT NULL,
  PRIMARY KEY (article_id, position)
);

-- Titles weigh more than bodies in ranking (bm25 weights in the query).
CREATE VIRTUAL TABLE article_fts USING fts5 (
  title, summary, plain,
  content = 'article', content_rowid = 'rowid',
  tokenize = 'porter unicode61 remove_diacritics 2',
  prefix = '2 3 4' -- type-ahead: prefix queries read these indexes
);
