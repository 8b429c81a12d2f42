CREATE TABLE `incident_affected` (
	`incident_id` integer NOT NULL,
	`subject_id` integer NOT NULL,
	`selection_id` integer NOT NULL,
	`jurisdiction` text NOT NULL,
	`locale` text NOT NULL,
	`has_email` integer NOT NULL,
	`has_phone` integer NOT NULL,
	PRIMARY KEY(`incident_id`, `subject_id`),
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`selection_id`) REFERENCES `incident_selections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `incident_affected_subject_idx` ON `incident_affected` (`subject_id`);--> statement-breakpoint
CREATE INDEX `incident_affected_jurisdiction_idx` ON `incident_affected` (`incident_id`,`jurisdiction`);--> statement-breakpoint
CREATE TABLE `incident_selections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`source` text NOT NULL,
	`mode` text NOT NULL,
	`criteria` text,
	`list_report` text,
	`counts` text NOT NULL,
	`found` integer NOT NULL,
	`affected_after` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `incident_selections_incident_idx` ON `incident_selections` (`incident_id`,`id`);