-- Dashboard aggregates (db/schema/consent-aggregates.ts). WITHOUT ROWID, added by hand as in 0005:
-- each table is its key, so a period is one contiguous range and each write changes one B-tree.
CREATE TABLE `consent_daily_splits` (
	`dimension` text NOT NULL,
	`day` text NOT NULL,
	`purpose_id` integer NOT NULL,
	`jurisdiction` text NOT NULL,
	`value` text NOT NULL,
	`granted` integer NOT NULL,
	`denied` integer NOT NULL,
	`withdrawn` integer NOT NULL,
	`expired` integer NOT NULL,
	`gpc` integer NOT NULL,
	`gpc_granted` integer NOT NULL,
	PRIMARY KEY(`dimension`, `day`, `purpose_id`, `jurisdiction`, `value`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `consent_grant_endings` (
	`purpose_id` integer NOT NULL,
	`day` text NOT NULL,
	`jurisdiction` text NOT NULL,
	`notice_version_id` integer NOT NULL,
	`ended_as` text NOT NULL,
	`lifetime` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`purpose_id`, `day`, `jurisdiction`, `notice_version_id`, `ended_as`, `lifetime`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `consent_grant_expiries` (
	`expires_day` text NOT NULL,
	`purpose_id` integer NOT NULL,
	`jurisdiction` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`expires_day`, `purpose_id`, `jurisdiction`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `consent_grant_net` (
	`day` text NOT NULL,
	`purpose_id` integer NOT NULL,
	`jurisdiction` text NOT NULL,
	`delta` integer NOT NULL,
	PRIMARY KEY(`day`, `purpose_id`, `jurisdiction`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `consent_grant_versions` (
	`purpose_id` integer NOT NULL,
	`jurisdiction` text NOT NULL,
	`notice_version_id` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`purpose_id`, `jurisdiction`, `notice_version_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `consent_state_moves` (
	`purpose_id` integer NOT NULL,
	`day` text NOT NULL,
	`jurisdiction` text NOT NULL,
	`from_state` text NOT NULL,
	`to_state` text NOT NULL,
	`notice_version_id` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`purpose_id`, `day`, `jurisdiction`, `from_state`, `to_state`, `notice_version_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `subject_requests_received_idx` ON `subject_requests` (`received_at`);--> statement-breakpoint
CREATE INDEX `subject_requests_closed_idx` ON `subject_requests` (`closed_at`);--> statement-breakpoint
-- A store that already has consent: splits are rebuilt exactly from the daily rollups; live grants are
-- counted, and each current state counts as one move (and grant start) on the day it was decided
-- (earlier state history is not rebuilt).
INSERT INTO `consent_daily_splits` (`dimension`, `day`, `purpose_id`, `jurisdiction`, `value`, `granted`, `denied`, `withdrawn`, `expired`, `gpc`, `gpc_granted`)
SELECT 'source', `day`, `purpose_id`, `jurisdiction`, `source`, sum(CASE WHEN `event` = 'granted' THEN `count` ELSE 0 END),
       sum(CASE WHEN `event` = 'denied' THEN `count` ELSE 0 END), sum(CASE WHEN `event` = 'withdrawn' THEN `count` ELSE 0 END),
       sum(CASE WHEN `event` = 'expired' THEN `count` ELSE 0 END), sum(CASE WHEN `gpc` THEN `count` ELSE 0 END),
       sum(CASE WHEN `gpc` AND `event` = 'granted' THEN `count` ELSE 0 END)
FROM `consent_daily_rollups` GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
INSERT INTO `consent_daily_splits` (`dimension`, `day`, `purpose_id`, `jurisdiction`, `value`, `granted`, `denied`, `withdrawn`, `expired`, `gpc`, `gpc_granted`)
SELECT 'locale', `day`, `purpose_id`, `jurisdiction`, `locale`, sum(CASE WHEN `event` = 'granted' THEN `count` ELSE 0 END),
       sum(CASE WHEN `event` = 'denied' THEN `count` ELSE 0 END), sum(CASE WHEN `event` = 'withdrawn' THEN `count` ELSE 0 END),
       sum(CASE WHEN `event` = 'expired' THEN `count` ELSE 0 END), sum(CASE WHEN `gpc` THEN `count` ELSE 0 END),
       sum(CASE WHEN `gpc` AND `event` = 'granted' THEN `count` ELSE 0 END)
FROM `consent_daily_rollups` GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
INSERT INTO `consent_daily_splits` (`dimension`, `day`, `purpose_id`, `jurisdiction`, `value`, `granted`, `denied`, `withdrawn`, `expired`, `gpc`, `gpc_granted`)
SELECT 'channel', `day`, `purpose_id`, `jurisdiction`, `channel`, sum(CASE WHEN `event` = 'granted' THEN `count` ELSE 0 END),
       sum(CASE WHEN `event` = 'denied' THEN `count` ELSE 0 END), sum(CASE WHEN `event` = 'withdrawn' THEN `count` ELSE 0 END),
       sum(CASE WHEN `event` = 'expired' THEN `count` ELSE 0 END), sum(CASE WHEN `gpc` THEN `count` ELSE 0 END),
       sum(CASE WHEN `gpc` AND `event` = 'granted' THEN `count` ELSE 0 END)
FROM `consent_daily_rollups` GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
INSERT INTO `consent_grant_versions` (`purpose_id`, `jurisdiction`, `notice_version_id`, `count`)
SELECT cs.`purpose_id`, s.`jurisdiction`, cs.`notice_version_id`, count(*)
FROM `consent_state` cs JOIN `subjects` s ON s.`id` = cs.`subject_id` WHERE cs.`state` = 'granted' GROUP BY 1, 2, 3;--> statement-breakpoint
INSERT INTO `consent_grant_expiries` (`expires_day`, `purpose_id`, `jurisdiction`, `count`)
SELECT strftime('%Y-%m-%d', cs.`expires_at` / 1000, 'unixepoch'), cs.`purpose_id`, s.`jurisdiction`, count(*)
FROM `consent_state` cs JOIN `subjects` s ON s.`id` = cs.`subject_id` WHERE cs.`state` = 'granted' AND cs.`expires_at` IS NOT NULL GROUP BY 1, 2, 3;--> statement-breakpoint
INSERT INTO `consent_grant_net` (`day`, `purpose_id`, `jurisdiction`, `delta`)
SELECT strftime('%Y-%m-%d', cs.`decided_at` / 1000, 'unixepoch'), cs.`purpose_id`, s.`jurisdiction`, count(*)
FROM `consent_state` cs JOIN `subjects` s ON s.`id` = cs.`subject_id` WHERE cs.`state` = 'granted' GROUP BY 1, 2, 3;--> statement-breakpoint
INSERT INTO `consent_state_moves` (`purpose_id`, `day`, `jurisdiction`, `from_state`, `to_state`, `notice_version_id`, `count`)
SELECT cs.`purpose_id`, strftime('%Y-%m-%d', cs.`decided_at` / 1000, 'unixepoch'), s.`jurisdiction`, '', cs.`state`,
       CASE WHEN cs.`state` = 'granted' THEN cs.`notice_version_id` ELSE 0 END, count(*)
FROM `consent_state` cs JOIN `subjects` s ON s.`id` = cs.`subject_id` GROUP BY 1, 2, 3, 4, 5, 6;
