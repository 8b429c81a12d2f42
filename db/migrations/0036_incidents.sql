CREATE TABLE `incident_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`kind` text NOT NULL,
	`actor_id` integer,
	`at` integer NOT NULL,
	`details` text NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `incident_events_incident_idx` ON `incident_events` (`incident_id`,`at`);--> statement-breakpoint
CREATE TABLE `incident_purposes` (
	`incident_id` integer NOT NULL,
	`purpose_id` integer NOT NULL,
	PRIMARY KEY(`incident_id`, `purpose_id`),
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`purpose_id`) REFERENCES `purposes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `incident_purposes_purpose_idx` ON `incident_purposes` (`purpose_id`);--> statement-breakpoint
CREATE TABLE `incident_recipients` (
	`incident_id` integer NOT NULL,
	`recipient_id` integer NOT NULL,
	PRIMARY KEY(`incident_id`, `recipient_id`),
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recipient_id`) REFERENCES `recipients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `incident_recipients_recipient_idx` ON `incident_recipients` (`recipient_id`);--> statement-breakpoint
CREATE TABLE `incidents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`title` text NOT NULL,
	`certainty` text NOT NULL,
	`drill` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`aware_at` integer NOT NULL,
	`occurred_from` integer,
	`occurred_to` integer,
	`natures` text NOT NULL,
	`cause` text NOT NULL,
	`cause_note` text,
	`data_categories` text NOT NULL,
	`data_facts` text NOT NULL,
	`encrypted` integer DEFAULT false NOT NULL,
	`key_taken` integer DEFAULT false NOT NULL,
	`containment` text,
	`remedial` text,
	`risk` text NOT NULL,
	`risk_reason` text NOT NULL,
	`people_exception` text,
	`people_exception_reason` text,
	`delay_reason` text,
	`delay_note` text,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incidents_reference_idx` ON `incidents` (`reference`);--> statement-breakpoint
CREATE INDEX `incidents_status_idx` ON `incidents` (`status`,`aware_at`);