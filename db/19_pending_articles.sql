-- Articles that DESIGN.md promises and the writers are creating in their
-- own branches this round. Until those are merged, the wizard may name them:
-- the packer's and the program's article checks accept these ids (a link to
-- one opens "no such article" until then). The packer notes each one that
-- now exists; once every one does, delete this file.
CREATE TABLE pending_article (
  id TEXT PRIMARY KEY
);
INSERT INTO pending_article (id) VALUES ('bone-problems-to-check');
INSERT INTO pending_article (id) VALUES ('broken-bones-and-bruising');
INSERT INTO pending_article (id) VALUES ('calf-pain-and-clots');
INSERT INTO pending_article (id) VALUES ('hip-stress-fracture');
INSERT INTO pending_article (id) VALUES ('joint-infection');
INSERT INTO pending_article (id) VALUES ('knee-pain-children');
INSERT INTO pending_article (id) VALUES ('loose-bodies-ocd');
INSERT INTO pending_article (id) VALUES ('nerve-pain');
INSERT INTO pending_article (id) VALUES ('pain-behind-the-knee');
INSERT INTO pending_article (id) VALUES ('patellar-tendinopathy');
INSERT INTO pending_article (id) VALUES ('tendon-rupture');
