CREATE TABLE `transparency_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`version` integer NOT NULL,
	`scope` text NOT NULL,
	`figures` text NOT NULL,
	`reason` text,
	`published_at` integer NOT NULL,
	`published_by_id` integer,
	FOREIGN KEY (`published_by_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `transparency_reports_year_version_idx` ON `transparency_reports` (`year`,`version`);--> statement-breakpoint
-- A published report is frozen: a correction is a new version, never a change to the old one.
CREATE TRIGGER transparency_reports_no_update BEFORE UPDATE ON transparency_reports
BEGIN SELECT RAISE(ABORT, 'transparency_reports is append-only: a published version cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER transparency_reports_no_delete BEFORE DELETE ON transparency_reports
BEGIN SELECT RAISE(ABORT, 'transparency_reports is append-only: a published version cannot be deleted'); END;
