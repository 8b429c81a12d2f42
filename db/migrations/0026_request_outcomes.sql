ALTER TABLE `subject_requests` ADD `outcome` text;--> statement-breakpoint
ALTER TABLE `subject_requests` ADD `denial_reason` text;--> statement-breakpoint
ALTER TABLE `subject_requests` ADD `outcome_note` text;