-- A purpose's links keep their history: when each began (linked_at) and, once a revision drops the
-- recipient, when it ended (unlinked_at), so who received a person's data can be told after the data map
-- changed. A link made before now began when its purpose went live (activated_at), or, for a purpose never
-- activated, when it was created. SQLite cannot add a column whose default is an expression, so the table
-- is rebuilt; only open links need be unique.
CREATE TABLE `__new_purpose_recipients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`purpose_id` integer NOT NULL,
	`recipient_id` integer NOT NULL,
	`linked_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`unlinked_at` integer,
	FOREIGN KEY (`purpose_id`) REFERENCES `purposes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recipient_id`) REFERENCES `recipients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_purpose_recipients` (`id`, `purpose_id`, `recipient_id`, `linked_at`, `unlinked_at`)
SELECT pr.`id`, pr.`purpose_id`, pr.`recipient_id`, coalesce(p.`activated_at`, p.`created_at`), NULL
FROM `purpose_recipients` pr JOIN `purposes` p ON p.`id` = pr.`purpose_id` ORDER BY pr.`id`;
--> statement-breakpoint
DROP TABLE `purpose_recipients`;--> statement-breakpoint
ALTER TABLE `__new_purpose_recipients` RENAME TO `purpose_recipients`;--> statement-breakpoint
CREATE UNIQUE INDEX `purpose_recipients_open_idx` ON `purpose_recipients` (`purpose_id`,`recipient_id`) WHERE unlinked_at IS NULL;
