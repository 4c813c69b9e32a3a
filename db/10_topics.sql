-- The topics of the home menu, in the order shown.
INSERT INTO topic (id, position, title, summary) VALUES ('causes', 1, 'Causes of inner knee pain', 'What can make the inside of a runner''s knee hurt, common and less common.');
INSERT INTO topic (id, position, title, summary) VALUES ('symptoms', 2, 'Symptoms: how each cause feels', 'Onset, location, swelling, clicking and locking, stairs, stiffness and night pain.');
INSERT INTO topic (id, position, title, summary) VALUES ('first-aid', 3, 'First aid and RICE', 'The first days: protect, keep moving, optional ice, a bandage and a raised leg for a swollen knee, and medicines with their cautions.');
INSERT INTO topic (id, position, title, summary) VALUES ('see-a-doctor', 4, 'When to see a doctor', 'Warning signs sorted by how fast to act: any single one is enough.');
INSERT INTO topic (id, position, title, summary) VALUES ('diagnosis', 5, 'Diagnosis', 'What a clinician asks and examines, imaging and arthroscopy.');
INSERT INTO topic (id, position, title, summary) VALUES ('shoes', 6, 'Running shoes', 'Foot type, pronation and supination, and choosing shoes.');
INSERT INTO topic (id, position, title, summary) VALUES ('strength', 7, 'Strength training', 'Exercises step by step, how often to train, hips, core and three planes of movement.');
INSERT INTO topic (id, position, title, summary) VALUES ('recovery', 8, 'Recovery and return to running', 'Healing runner''s knee, readiness checks and a walk-run return with a pain rule, and training changes.');
INSERT INTO topic (id, position, title, summary) VALUES ('other-pain', 9, 'Other running pain', 'Pain elsewhere that runners often ask about.');
INSERT INTO topic (id, position, title, summary) VALUES ('about', 10, 'About this guide', 'Safety notice, privacy and how the guide was written.');
