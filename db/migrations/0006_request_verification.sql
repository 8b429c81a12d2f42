ALTER TABLE `brand_settings` ADD `request_verification` text;--> statement-breakpoint
ALTER TABLE `subject_requests` ADD `verification` text DEFAULT 'code' NOT NULL;--> statement-breakpoint
UPDATE `subject_requests` SET `verification` = 'none' WHERE `type` = 'opt_out_sale';
