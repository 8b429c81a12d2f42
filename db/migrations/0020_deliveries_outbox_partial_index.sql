DROP INDEX `deliveries_outbox_idx`;--> statement-breakpoint
CREATE INDEX `deliveries_outbox_idx` ON `deliveries` (`outbox_id`) WHERE outbox_id IS NOT NULL;