CREATE INDEX `outbox_to_address_idx` ON `outbox` (`to_address`);--> statement-breakpoint
CREATE INDEX `staff_digests_outbox_idx` ON `staff_digests` (`outbox_id`);--> statement-breakpoint
CREATE INDEX `staff_notifications_outbox_idx` ON `staff_notifications` (`outbox_id`);--> statement-breakpoint
CREATE INDEX `policy_change_messages_outbox_idx` ON `policy_change_messages` (`outbox_id`);