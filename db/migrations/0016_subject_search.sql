-- Staff search (issue 16): a trigram index over the people's email, name and external id, so part of an
-- address is found without reading every subject. It holds personal data, so it is an external-content
-- index (the text itself stays only in subjects) kept in step by triggers, and secure-delete makes a
-- deletion remove the person's terms from the index's pages instead of leaving them behind a delete marker:
-- an erasure must leave nothing in the file (db/subjects/erasure.test.ts).
CREATE VIRTUAL TABLE `subject_search` USING fts5(email, name, external_id, content='subjects', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO `subject_search` (`subject_search`, `rank`) VALUES ('secure-delete', 1);
--> statement-breakpoint
CREATE TRIGGER `subjects_search_insert` AFTER INSERT ON `subjects` BEGIN
  INSERT INTO `subject_search` (rowid, email, name, external_id) VALUES (new.id, new.email, new.name, new.external_id);
END;
--> statement-breakpoint
CREATE TRIGGER `subjects_search_delete` AFTER DELETE ON `subjects` BEGIN
  INSERT INTO `subject_search` (`subject_search`, rowid, email, name, external_id) VALUES ('delete', old.id, old.email, old.name, old.external_id);
END;
--> statement-breakpoint
CREATE TRIGGER `subjects_search_update` AFTER UPDATE OF email, name, external_id ON `subjects` BEGIN
  INSERT INTO `subject_search` (`subject_search`, rowid, email, name, external_id) VALUES ('delete', old.id, old.email, old.name, old.external_id);
  INSERT INTO `subject_search` (rowid, email, name, external_id) VALUES (new.id, new.email, new.name, new.external_id);
END;
--> statement-breakpoint
-- The people already stored: one pass over subjects (a 1M-subject store takes well under a minute).
INSERT INTO `subject_search` (`subject_search`) VALUES ('rebuild');
