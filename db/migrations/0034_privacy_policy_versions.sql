CREATE TABLE `policy_change_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`subject_id` integer NOT NULL,
	`outbox_id` integer NOT NULL,
	`locale` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `policy_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `policy_change_messages_version_subject_idx` ON `policy_change_messages` (`version_id`,`subject_id`);--> statement-breakpoint
CREATE TABLE `policy_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer NOT NULL,
	`status` text NOT NULL,
	`document` text NOT NULL,
	`material` integer DEFAULT false NOT NULL,
	`change_summary` text,
	`review_comment` text,
	`generated_by_id` integer,
	`reviewer_id` integer,
	`created_at` integer NOT NULL,
	`generated_at` integer NOT NULL,
	`submitted_at` integer,
	`published_at` integer,
	`notified` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`generated_by_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `policy_versions_version_idx` ON `policy_versions` (`version`);--> statement-breakpoint
CREATE INDEX `policy_versions_status_idx` ON `policy_versions` (`status`);