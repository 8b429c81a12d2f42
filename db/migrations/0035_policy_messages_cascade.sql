PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_policy_change_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`subject_id` integer NOT NULL,
	`outbox_id` integer NOT NULL,
	`locale` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `policy_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_policy_change_messages`("id", "version_id", "subject_id", "outbox_id", "locale", "created_at") SELECT "id", "version_id", "subject_id", "outbox_id", "locale", "created_at" FROM `policy_change_messages`;--> statement-breakpoint
DROP TABLE `policy_change_messages`;--> statement-breakpoint
ALTER TABLE `__new_policy_change_messages` RENAME TO `policy_change_messages`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `policy_change_messages_version_subject_idx` ON `policy_change_messages` (`version_id`,`subject_id`);