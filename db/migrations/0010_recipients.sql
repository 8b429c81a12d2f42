CREATE TABLE `deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uid` text NOT NULL,
	`event_id` integer NOT NULL,
	`recipient_id` integer NOT NULL,
	`subject_id` integer NOT NULL,
	`identifiers` text,
	`state` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`first_attempt_at` integer,
	`next_attempt_at` integer NOT NULL,
	`claimed_at` integer,
	`last_outcome` text,
	`last_response` text,
	`delivered_at` integer,
	`delivered_via` text,
	`outbox_id` integer,
	`confirmed_at` integer,
	`confirmed_via` text,
	`confirmed_by_id` integer,
	`confirm_note` text,
	`scrubbed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `propagation_events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recipient_id`) REFERENCES `recipients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_uid_unique` ON `deliveries` (`uid`);--> statement-breakpoint
CREATE INDEX `deliveries_due_idx` ON `deliveries` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `deliveries_recipient_idx` ON `deliveries` (`recipient_id`,`id`);--> statement-breakpoint
CREATE INDEX `deliveries_order_idx` ON `deliveries` (`recipient_id`,`subject_id`,`id`);--> statement-breakpoint
CREATE INDEX `deliveries_event_idx` ON `deliveries` (`event_id`);--> statement-breakpoint
CREATE TABLE `propagation_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uid` text NOT NULL,
	`type` text NOT NULL,
	`subject_id` integer NOT NULL,
	`purpose_id` integer,
	`request_id` integer,
	`occurred_at` integer NOT NULL,
	`data` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`purpose_id`) REFERENCES `purposes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `subject_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `propagation_events_uid_unique` ON `propagation_events` (`uid`);--> statement-breakpoint
CREATE INDEX `propagation_events_subject_idx` ON `propagation_events` (`subject_id`);--> statement-breakpoint
CREATE INDEX `propagation_events_request_idx` ON `propagation_events` (`request_id`);--> statement-breakpoint
CREATE TABLE `recipient_paths` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recipient_id` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`url` text,
	`secret` text,
	`previous_secret` text,
	`rotated_at` integer,
	`api_key_id` integer,
	`email_batching` text,
	`feed_cursor` integer,
	`disabled_at` integer,
	`disabled_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`recipient_id`) REFERENCES `recipients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`api_key_id`) REFERENCES `api_keys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recipient_paths_recipient_idx` ON `recipient_paths` (`recipient_id`,`kind`);--> statement-breakpoint
CREATE TABLE `recipients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`country` text NOT NULL,
	`privacy_contact_name` text,
	`privacy_contact_email` text,
	`created_at` integer NOT NULL,
	`updated_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recipients_name_idx` ON `recipients` (`name`);--> statement-breakpoint
ALTER TABLE `purpose_recipients` ADD `recipient_id` integer;--> statement-breakpoint
-- Each recipient named on a purpose or in a purpose revision becomes one vendor, by name (the first role and country seen).
INSERT INTO `recipients` (`name`, `role`, `country`, `created_at`)
SELECT `name`, `role`, `country`, CAST(strftime('%s','now') AS INTEGER) * 1000 FROM (
  -- SQLite takes a bare column's value from the row min() picked: the first place the name appears.
  SELECT `name`, `role`, `country`, MIN(src * 1000000000 + ord) AS first_seen FROM (
    SELECT `name`, `role`, `country`, 0 AS src, `id` AS ord FROM `purpose_recipients`
    UNION ALL
    SELECT json_extract(je.value, '$.name'), json_extract(je.value, '$.role'), json_extract(je.value, '$.country'), 1, pr.`id` * 1000 + je.key
    FROM `purpose_revisions` pr, json_each(pr.`fields`, '$.recipients') je
  )
  WHERE `name` IS NOT NULL
  GROUP BY `name`
)
ORDER BY first_seen;
--> statement-breakpoint
UPDATE `purpose_recipients` SET `recipient_id` = (SELECT r.`id` FROM `recipients` r WHERE r.`name` = `purpose_recipients`.`name`);
--> statement-breakpoint
-- A revision names its recipients by id from now on.
UPDATE `purpose_revisions` SET `fields` = json_remove(json_set(`fields`, '$.recipientIds', json((
  SELECT coalesce(json_group_array(r.`id`), '[]') FROM json_each(`purpose_revisions`.`fields`, '$.recipients') je
  JOIN `recipients` r ON r.`name` = json_extract(je.value, '$.name')
))), '$.recipients')
WHERE json_type(`fields`, '$.recipients') = 'array';
