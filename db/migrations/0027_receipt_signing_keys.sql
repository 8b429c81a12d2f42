CREATE TABLE `receipt_signing_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kid` text NOT NULL,
	`public_jwk` text NOT NULL,
	`sealed_private_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`retired_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receipt_signing_keys_kid_unique` ON `receipt_signing_keys` (`kid`);--> statement-breakpoint
CREATE INDEX `receipt_signing_keys_retired_idx` ON `receipt_signing_keys` (`retired_at`);