ALTER TABLE `brand_settings` ADD `notice_languages` text;--> statement-breakpoint
ALTER TABLE `purposes` ADD `jurisdictions` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `next_attempt_at` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `claimed_at` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `scrub_address` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Purposes created before jurisdictions were recorded are assumed to apply wherever Candor knows a regime;
-- staff narrow them when they next revise the purpose. The notice rule checks them only at the next approval.
UPDATE `purposes` SET `jurisdictions` = '["EU","UK","US-CA","KR","JP"]';
