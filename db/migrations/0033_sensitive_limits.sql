CREATE TABLE `sensitive_limits` (
	`subject_id` integer PRIMARY KEY NOT NULL,
	`request_id` integer NOT NULL,
	`limited_at` integer NOT NULL,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`request_id`) REFERENCES `subject_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `purposes` ADD `sensitive_beyond_permitted` integer DEFAULT false NOT NULL;