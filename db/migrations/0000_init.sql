CREATE TABLE `api_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`prefix` text NOT NULL,
	`key_hash` text NOT NULL,
	`allowed_origins` text NOT NULL,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`created_by_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_key_hash_unique` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_prefix_idx` ON `api_keys` (`prefix`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` integer,
	`actor_label` text NOT NULL,
	`action` text NOT NULL,
	`target_type` text,
	`target_id` text,
	`outcome` text NOT NULL,
	`details` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_action_idx` ON `audit_log` (`action`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor_id`);--> statement-breakpoint
CREATE TABLE `brand_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`legal_name` text NOT NULL,
	`address` text NOT NULL,
	`contact_email` text NOT NULL,
	`dpo_email` text NOT NULL,
	`website_url` text NOT NULL,
	`time_zone` text DEFAULT 'UTC' NOT NULL,
	`default_locale` text DEFAULT 'en' NOT NULL,
	`enabled_locales` text NOT NULL,
	`allowed_origins` text NOT NULL,
	`appi_target_days` integer DEFAULT 14 NOT NULL,
	`unverified_close_days` integer DEFAULT 21 NOT NULL,
	`updated_at` integer
);
--> statement-breakpoint
CREATE TABLE `sign_in_throttles` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`first_failure_at` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE TABLE `staff_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer,
	`deactivated_at` integer,
	`last_sign_in_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_users_email_unique` ON `staff_users` (`email`);--> statement-breakpoint
CREATE TABLE `notice_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`notice_id` integer NOT NULL,
	`version` integer NOT NULL,
	`status` text NOT NULL,
	`title` text NOT NULL,
	`short_layer` text NOT NULL,
	`full_text` text NOT NULL,
	`material` integer DEFAULT false NOT NULL,
	`change_summary` text,
	`author_id` integer,
	`reviewer_id` integer,
	`created_at` integer NOT NULL,
	`published_at` integer,
	FOREIGN KEY (`notice_id`) REFERENCES `notices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notice_versions_notice_version_idx` ON `notice_versions` (`notice_id`,`version`);--> statement-breakpoint
CREATE TABLE `notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`purpose_id` integer NOT NULL,
	`locale` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`purpose_id`) REFERENCES `purposes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notices_purpose_locale_idx` ON `notices` (`purpose_id`,`locale`);--> statement-breakpoint
CREATE TABLE `purpose_recipients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`purpose_id` integer NOT NULL,
	`name` text NOT NULL,
	`country` text NOT NULL,
	`role` text NOT NULL,
	FOREIGN KEY (`purpose_id`) REFERENCES `purposes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `purpose_recipients_purpose_idx` ON `purpose_recipients` (`purpose_id`);--> statement-breakpoint
CREATE TABLE `purposes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`legal_basis` text NOT NULL,
	`data_categories` text NOT NULL,
	`retention_days` integer NOT NULL,
	`validity_days` integer,
	`sale_or_sharing` integer DEFAULT false NOT NULL,
	`sensitive` integer DEFAULT false NOT NULL,
	`channels` text NOT NULL,
	`benefit` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`revision_of` integer,
	`review_comment` text,
	`created_by_id` integer,
	`reviewed_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer,
	`activated_at` integer,
	`retired_at` integer,
	FOREIGN KEY (`created_by_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `purposes_key_idx` ON `purposes` (`key`);--> statement-breakpoint
CREATE INDEX `purposes_status_idx` ON `purposes` (`status`);--> statement-breakpoint
CREATE TABLE `consent_daily_rollups` (
	`day` text NOT NULL,
	`purpose_id` integer NOT NULL,
	`jurisdiction` text NOT NULL,
	`source` text NOT NULL,
	`locale` text NOT NULL,
	`channel` text DEFAULT '' NOT NULL,
	`event` text NOT NULL,
	`gpc` integer DEFAULT false NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`day`, `purpose_id`, `jurisdiction`, `source`, `locale`, `channel`, `event`, `gpc`)
);
--> statement-breakpoint
CREATE TABLE `consent_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_id` integer NOT NULL,
	`purpose_id` integer NOT NULL,
	`notice_version_id` integer NOT NULL,
	`event` text NOT NULL,
	`channel` text,
	`jurisdiction` text NOT NULL,
	`source` text NOT NULL,
	`locale` text NOT NULL,
	`gpc` integer DEFAULT false NOT NULL,
	`guardian_name` text,
	`idempotency_key` text,
	`occurred_at` integer NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`purpose_id`) REFERENCES `purposes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`notice_version_id`) REFERENCES `notice_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consent_events_subject_idx` ON `consent_events` (`subject_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `consent_events_idempotency_idx` ON `consent_events` (`idempotency_key`) WHERE idempotency_key IS NOT NULL;--> statement-breakpoint
CREATE TABLE `consent_state` (
	`subject_id` integer NOT NULL,
	`purpose_id` integer NOT NULL,
	`state` text NOT NULL,
	`channels` text NOT NULL,
	`notice_version_id` integer NOT NULL,
	`last_event_id` integer NOT NULL,
	`gpc` integer DEFAULT false NOT NULL,
	`decided_at` integer NOT NULL,
	`expires_at` integer,
	PRIMARY KEY(`subject_id`, `purpose_id`),
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`purpose_id`) REFERENCES `purposes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consent_state_purpose_idx` ON `consent_state` (`purpose_id`,`state`);--> statement-breakpoint
CREATE TABLE `subjects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uid` text NOT NULL,
	`external_id` text,
	`email` text,
	`name` text,
	`phone` text,
	`jurisdiction` text NOT NULL,
	`locale` text NOT NULL,
	`is_minor` integer DEFAULT false NOT NULL,
	`guardian_name` text,
	`guardian_email` text,
	`created_at` integer NOT NULL,
	`updated_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subjects_uid_unique` ON `subjects` (`uid`);--> statement-breakpoint
CREATE UNIQUE INDEX `subjects_external_id_unique` ON `subjects` (`external_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `subjects_email_unique` ON `subjects` (`email`);--> statement-breakpoint
CREATE INDEX `subjects_jurisdiction_idx` ON `subjects` (`jurisdiction`);--> statement-breakpoint
CREATE TABLE `suppression_tombstones` (
	`identifier_hash` text PRIMARY KEY NOT NULL,
	`request_ref` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `verification_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`purpose` text NOT NULL,
	`subject_id` integer,
	`request_id` integer,
	`code_hash` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`max_attempts` integer DEFAULT 5 NOT NULL,
	`expires_at` integer NOT NULL,
	`consumed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `verification_codes_subject_idx` ON `verification_codes` (`subject_id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_id` integer,
	`request_id` integer,
	`to_address` text NOT NULL,
	`kind` text NOT NULL,
	`locale` text NOT NULL,
	`subject_line` text NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`request_id`) REFERENCES `subject_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_status_idx` ON `outbox` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_subject_idx` ON `outbox` (`subject_id`);--> statement-breakpoint
CREATE TABLE `request_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`at` integer NOT NULL,
	`actor_id` integer,
	`kind` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`note` text,
	FOREIGN KEY (`request_id`) REFERENCES `subject_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_events_request_idx` ON `request_events` (`request_id`);--> statement-breakpoint
CREATE TABLE `subject_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ref` text NOT NULL,
	`subject_id` integer,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`jurisdiction` text NOT NULL,
	`intake` text NOT NULL,
	`details` text,
	`received_at` integer NOT NULL,
	`due_at` integer NOT NULL,
	`confirm_by` integer,
	`extended_at` integer,
	`extension_reason` text,
	`verified_at` integer,
	`closed_at` integer,
	`rejection_reason` text,
	`assignee_id` integer,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`assignee_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subject_requests_ref_unique` ON `subject_requests` (`ref`);--> statement-breakpoint
CREATE INDEX `subject_requests_status_due_idx` ON `subject_requests` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `subject_requests_subject_idx` ON `subject_requests` (`subject_id`);