-- Opt-outs of sale/sharing, one per person and change of state (db/schema/consent-aggregates.ts, lib/consent/sale-opt-out.ts).
-- WITHOUT ROWID, added by hand as in 0005 and 0007: the table is its key, so a year is one range of quarters.
CREATE TABLE `consent_opt_outs` (
	`quarter` integer NOT NULL,
	`jurisdiction` text NOT NULL,
	`source` text NOT NULL,
	`gpc` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`quarter`, `jurisdiction`, `source`, `gpc`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Filled from the ledger as it stands. What this assumes, where the live writer knows better:
--  * events apply in the order of when they happened, then ledger order (the order the state itself follows), so an
--    event recorded late counts where it happened rather than being ignored as older than the state;
--  * a withdrawal of one channel leaves the purpose as it was (true while another channel is granted; purposes that
--    sell or share seldom have channels, and the demo's and test catalog's have none);
--  * the purposes that sell or share are those flagged so today, and a person's jurisdiction is today's;
--  * erased people's events are gone, so their past opt-outs cannot be counted (from now on the count keeps them).
INSERT INTO `consent_opt_outs` (`quarter`, `jurisdiction`, `source`, `gpc`, `count`)
WITH flagged AS (
  SELECT e.id, e.subject_id, e.purpose_id, e.occurred_at, e.source, e.gpc,
         CASE WHEN e.event IN ('withdrawn', 'denied') THEN 1 ELSE 0 END AS refused
  FROM consent_events e JOIN purposes p ON p.id = e.purpose_id
  WHERE p.sale_or_sharing = 1 AND NOT (e.event = 'withdrawn' AND e.channel IS NOT NULL)
),
moved AS (
  SELECT *, refused - COALESCE(LAG(refused) OVER (PARTITION BY subject_id, purpose_id ORDER BY occurred_at, id), 0) AS delta
  FROM flagged
),
running AS (
  SELECT *, SUM(delta) OVER (PARTITION BY subject_id ORDER BY occurred_at, id ROWS UNBOUNDED PRECEDING) AS refusing
  FROM moved
)
SELECT r.occurred_at / 900000, s.jurisdiction, r.source, r.gpc, COUNT(*)
FROM running r JOIN subjects s ON s.id = r.subject_id
WHERE r.delta = 1 AND r.refusing = 1
GROUP BY 1, 2, 3, 4;
