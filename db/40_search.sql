-- Search: what the search engine needs beyond the article index of
-- 00_schema.sql. The packer (src/pack/pack_search.c) fills the derived tables
-- and records, in meta, what it checked over every article so that opening a
-- content file needs no pass over the articles (see README, "Speed and
-- memory").
INSERT INTO meta (key, value) VALUES ('search_version', '1');
