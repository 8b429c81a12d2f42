-- consent_state is keyed by (subject_id, purpose_id) and every consent write
-- touches it. As a WITHOUT ROWID table the key is the table itself, so each
-- write changes one B-tree instead of two (the rows and the key's index).
CREATE TABLE `consent_state_new` (
	`subject_id` integer NOT NULL,
	`purpose_id` integer NOT NULL,
	`state` text NOT NULL,
	`channels` text NOT NULL,
	`notice_version_id` integer NOT NULL,
	`last_event_id` integer NOT NULL,
	`gpc` integer DEFAULT false NOT NULL,
	`decided_at` integer NOT NULL,
	`expires_at` integer,
	PRIMARY KEY(`subject_id`, `purpose_id`),
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`purpose_id`) REFERENCES `purposes`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `consent_state_new` SELECT `subject_id`, `purpose_id`, `state`, `channels`, `notice_version_id`, `last_event_id`, `gpc`, `decided_at`, `expires_at` FROM `consent_state` ORDER BY `subject_id`, `purpose_id`;
--> statement-breakpoint
DROP TABLE `consent_state`;
--> statement-breakpoint
ALTER TABLE `consent_state_new` RENAME TO `consent_state`;
