CREATE TABLE `brand_privacy` (
	`id` integer PRIMARY KEY NOT NULL,
	`security_measures` text DEFAULT '[]' NOT NULL,
	`security_note` text,
	`representative_name` text,
	`representative_contact` text,
	`dpo_name` text,
	`privacy_officer_name` text,
	`privacy_officer_department` text,
	`privacy_officer_contact` text,
	`domestic_agent_name` text,
	`domestic_agent_address` text,
	`domestic_agent_contact` text,
	`business_representative` text,
	`complaint_contacts` text DEFAULT '{}' NOT NULL,
	`updated_by_id` integer,
	`updated_at` integer,
	FOREIGN KEY (`updated_by_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `purpose_records` (
	`purpose_id` integer PRIMARY KEY NOT NULL,
	`subject_categories` text DEFAULT '[]' NOT NULL,
	`subject_categories_note` text,
	`sources` text DEFAULT '[]' NOT NULL,
	`sources_note` text,
	`destruction_method` text,
	`destruction_note` text,
	`legal_holds` text DEFAULT '[]' NOT NULL,
	`updated_by_id` integer,
	`updated_at` integer,
	FOREIGN KEY (`purpose_id`) REFERENCES `purposes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `recipient_transfers` (
	`recipient_id` integer PRIMARY KEY NOT NULL,
	`safeguard` text,
	`safeguard_note` text,
	`items` text DEFAULT '[]' NOT NULL,
	`timing` text,
	`method` text,
	`refusal` text,
	`updated_by_id` integer,
	`updated_at` integer,
	FOREIGN KEY (`recipient_id`) REFERENCES `recipients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
