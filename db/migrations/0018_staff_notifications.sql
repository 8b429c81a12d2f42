CREATE TABLE `path_failure_episodes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`path_id` integer NOT NULL,
	`state` text NOT NULL,
	`opened_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`path_id`) REFERENCES `recipient_paths`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `path_failure_episodes_open_idx` ON `path_failure_episodes` (`path_id`) WHERE closed_at IS NULL;--> statement-breakpoint
CREATE TABLE `staff_digests` (
	`staff_id` integer NOT NULL,
	`day` text NOT NULL,
	`outbox_id` integer,
	`sent_at` integer NOT NULL,
	PRIMARY KEY(`staff_id`, `day`),
	FOREIGN KEY (`staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `staff_notification_choices` (
	`staff_id` integer NOT NULL,
	`event` text NOT NULL,
	`delivery` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`staff_id`, `event`),
	FOREIGN KEY (`staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_notification_choices_event_idx` ON `staff_notification_choices` (`event`,`delivery`);--> statement-breakpoint
CREATE TABLE `staff_notification_cursors` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `staff_notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_id` integer NOT NULL,
	`event` text NOT NULL,
	`item_key` text NOT NULL,
	`delivery` text NOT NULL,
	`item` text NOT NULL,
	`outbox_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_notifications_item_idx` ON `staff_notifications` (`staff_id`,`event`,`item_key`);--> statement-breakpoint
CREATE INDEX `staff_notifications_digest_idx` ON `staff_notifications` (`staff_id`,`id`) WHERE delivery = 'digest' AND outbox_id IS NULL;--> statement-breakpoint
CREATE INDEX `notice_versions_status_idx` ON `notice_versions` (`status`);--> statement-breakpoint
CREATE INDEX `purpose_revisions_status_idx` ON `purpose_revisions` (`status`);