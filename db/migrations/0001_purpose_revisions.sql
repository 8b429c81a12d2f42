CREATE TABLE `purpose_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`purpose_id` integer NOT NULL,
	`status` text NOT NULL,
	`fields` text NOT NULL,
	`review_comment` text,
	`created_by_id` integer,
	`reviewed_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer,
	`decided_at` integer,
	FOREIGN KEY (`purpose_id`) REFERENCES `purposes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `purpose_revisions_purpose_idx` ON `purpose_revisions` (`purpose_id`,`status`);--> statement-breakpoint
ALTER TABLE `notice_versions` ADD `review_comment` text;--> statement-breakpoint
ALTER TABLE `purposes` ADD `material_change_at` integer;