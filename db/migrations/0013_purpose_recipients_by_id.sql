-- A purpose's recipients are links to the registry from now on: their name, country and role live in
-- `recipients`. A link migration 0010 could not name (a store seeded after it by the older seeder) first
-- gets its vendor, by name, as 0010 did; a purpose naming one vendor twice keeps one link.
INSERT INTO `recipients` (`name`, `role`, `country`, `created_at`)
SELECT `name`, `role`, `country`, CAST(strftime('%s','now') AS INTEGER) * 1000 FROM (
  SELECT `name`, `role`, `country`, MIN(`id`) AS first_seen FROM `purpose_recipients`
  WHERE `recipient_id` IS NULL AND `name` NOT IN (SELECT `name` FROM `recipients`)
  GROUP BY `name`
)
ORDER BY first_seen;
--> statement-breakpoint
UPDATE `purpose_recipients` SET `recipient_id` = (SELECT r.`id` FROM `recipients` r WHERE r.`name` = `purpose_recipients`.`name`)
WHERE `recipient_id` IS NULL;
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_purpose_recipients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`purpose_id` integer NOT NULL,
	`recipient_id` integer NOT NULL,
	FOREIGN KEY (`purpose_id`) REFERENCES `purposes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recipient_id`) REFERENCES `recipients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_purpose_recipients`("id", "purpose_id", "recipient_id")
SELECT MIN("id"), "purpose_id", "recipient_id" FROM `purpose_recipients` GROUP BY "purpose_id", "recipient_id" ORDER BY MIN("id");--> statement-breakpoint
DROP TABLE `purpose_recipients`;--> statement-breakpoint
ALTER TABLE `__new_purpose_recipients` RENAME TO `purpose_recipients`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `purpose_recipients_purpose_recipient_idx` ON `purpose_recipients` (`purpose_id`,`recipient_id`);
