CREATE TABLE `incident_notice_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`status` text NOT NULL,
	`drill` integer NOT NULL,
	`jurisdictions` text NOT NULL,
	`people` integer NOT NULL,
	`without_contact` integer NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`cursor` integer DEFAULT 0 NOT NULL,
	`messages` text NOT NULL,
	`requested_by` integer NOT NULL,
	`requested_at` integer NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`started_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `incident_notice_batches_incident_idx` ON `incident_notice_batches` (`incident_id`,`requested_at`);--> statement-breakpoint
CREATE TABLE `incident_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`subject_id` integer,
	`jurisdiction` text NOT NULL,
	`locale` text NOT NULL,
	`channel` text NOT NULL,
	`outbox_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `incident_notice_batches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incident_notices_batch_subject_idx` ON `incident_notices` (`batch_id`,`subject_id`);--> statement-breakpoint
CREATE INDEX `incident_notices_outbox_idx` ON `incident_notices` (`outbox_id`);--> statement-breakpoint
CREATE TABLE `incident_public_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`batch_id` integer NOT NULL,
	`texts` text NOT NULL,
	`shown_from` integer NOT NULL,
	`shown_until` integer,
	`ended_by` integer,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`batch_id`) REFERENCES `incident_notice_batches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`ended_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `incident_public_notices_shown_idx` ON `incident_public_notices` (`shown_until`,`shown_from`);--> statement-breakpoint
CREATE UNIQUE INDEX `incident_public_notices_batch_idx` ON `incident_public_notices` (`batch_id`);