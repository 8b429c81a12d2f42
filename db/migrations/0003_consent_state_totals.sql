CREATE TABLE `consent_state_totals` (
	`purpose_id` integer NOT NULL,
	`jurisdiction` text NOT NULL,
	`state` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`purpose_id`, `jurisdiction`, `state`)
);
--> statement-breakpoint
INSERT INTO consent_state_totals (purpose_id, jurisdiction, state, count)
SELECT cs.purpose_id, s.jurisdiction, cs.state, count(*) FROM consent_state cs JOIN subjects s ON s.id = cs.subject_id GROUP BY 1, 2, 3;
