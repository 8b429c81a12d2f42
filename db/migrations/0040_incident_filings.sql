CREATE TABLE `incident_filings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`duty` text NOT NULL,
	`sequence` integer NOT NULL,
	`sent_at` integer NOT NULL,
	`channel` text NOT NULL,
	`receipt` text,
	`note` text,
	`locale` text NOT NULL,
	`content` text NOT NULL,
	`recorded_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incident_filings_sequence_idx` ON `incident_filings` (`incident_id`,`duty`,`sequence`);--> statement-breakpoint
CREATE INDEX `incident_filings_sent_idx` ON `incident_filings` (`sent_at`);--> statement-breakpoint
CREATE TABLE `incident_report_fields` (
	`incident_id` integer PRIMARY KEY NOT NULL,
	`additions` text NOT NULL,
	`updated_by` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
