CREATE TABLE `request_agents` (
	`request_id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`contact` text NOT NULL,
	`business` integer DEFAULT false NOT NULL,
	`signed_permission` integer DEFAULT false NOT NULL,
	`power_of_attorney` integer DEFAULT false NOT NULL,
	`consumer_verified_directly` integer DEFAULT false NOT NULL,
	`consumer_confirmed_permission` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `subject_requests`(`id`) ON UPDATE no action ON DELETE no action
);
