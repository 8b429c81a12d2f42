CREATE TABLE `maintenance_pending` (
	`task` text PRIMARY KEY NOT NULL,
	`noted_at` integer NOT NULL
);
