import "server-only";
import type { PropagationOps } from "@/lib/metrics/dashboard-types";
import { rate } from "@/lib/metrics/stats";
import { awaitingStates, confirmationLimitDays } from "@/lib/propagation/confirmation-limit";
import { hasWorkingPath, pathState, workingPathShare, type PathFacts } from "@/lib/propagation/paths";
import type { PathKind, PathStatus } from "@/lib/propagation/vocabulary";
import { DAY_MS } from "@/lib/time";
import { getBrandSettings } from "../staff/brand";
import { all } from "./filter";

type RecipientRow = { id: number; name: string; privacyContactEmail: string | null };
type PathRow = {
  id: number;
  recipientId: number;
  kind: PathKind;
  status: PathStatus;
  disabledReason: string | null;
  disabledAt: number | null;
  apiKeyId: number | null;
  keyRevokedAt: number | null;
};

const list = (states: readonly string[]) => states.map((s) => `'${s}'`).join(", ");
const consentAwaits = awaitingStates("consent.changed");
const requestAwaits = awaitingStates("subject.erased");
/**
 * The deliveries still waiting on their recipient (lib/propagation/confirmation-limit.ts: a consent change until
 * delivered, a request's change until confirmed) written before `?`, as a union of parts each led by its state, so
 * deliveries_state_age_idx finds them by state and age and a feed's recent backlog is never read.
 */
function awaiting(): { sql: string; parts: number } {
  const both = consentAwaits.filter((s) => requestAwaits.includes(s));
  const parts = [
    both.length ? `d.state IN (${list(both)})` : null,
    ...requestAwaits.filter((s) => !both.includes(s)).map((s) => `d.state = '${s}' AND e.type <> 'consent.changed'`),
    ...consentAwaits.filter((s) => !both.includes(s)).map((s) => `d.state = '${s}' AND e.type = 'consent.changed'`),
  ].filter((p): p is string => p !== null);
  const sql = parts
    .map(
      (where) => `SELECT d.id, d.recipient_id AS recipientId, d.created_at AS createdAt, e.request_id AS requestId
       FROM deliveries d JOIN propagation_events e ON e.id = d.event_id WHERE ${where} AND d.created_at < ?`,
    )
    .join(" UNION ALL ");
  return { sql, parts: parts.length };
}

/** Each recipient with whether any path works, and the paths that were switched off. */
function paths(): Pick<PropagationOps, "workingPaths" | "withoutPath" | "disabledPaths"> {
  const recipients = all<RecipientRow>(
    "SELECT id, name, privacy_contact_email AS privacyContactEmail FROM recipients ORDER BY name, id",
    [],
  );
  const rows = all<PathRow>(
    `SELECT p.id, p.recipient_id AS recipientId, p.kind, p.status, p.disabled_reason AS disabledReason, p.disabled_at AS disabledAt,
            p.api_key_id AS apiKeyId, k.revoked_at AS keyRevokedAt
     FROM recipient_paths p LEFT JOIN api_keys k ON k.id = p.api_key_id ORDER BY p.recipient_id, p.id`,
    [],
  );
  const byRecipient = new Map<number, PathRow[]>();
  for (const p of rows) byRecipient.set(p.recipientId, [...(byRecipient.get(p.recipientId) ?? []), p]);
  const withoutPath: PropagationOps["withoutPath"] = [];
  const disabledPaths: PropagationOps["disabledPaths"] = [];
  const reach: { working: boolean }[] = [];
  for (const r of recipients) {
    const own = byRecipient.get(r.id) ?? [];
    const facts = own.map((p): PathFacts => ({ ...p, keyRevokedAt: p.keyRevokedAt === null ? null : new Date(p.keyRevokedAt) }));
    const states = own.map((path, i) => ({ path, state: pathState(facts[i], r) }));
    const working = hasWorkingPath(facts, r);
    reach.push({ working });
    if (!working) withoutPath.push({ id: r.id, name: r.name, paths: states.map((s) => ({ kind: s.path.kind, state: s.state })) });
    for (const { path, state } of states)
      if (state === "gone" || state === "disabled")
        disabledPaths.push({
          recipientId: r.id,
          recipientName: r.name,
          pathId: path.id,
          kind: path.kind,
          reason: state,
          disabledAt: path.disabledAt,
        });
  }
  disabledPaths.sort((a, b) => (b.disabledAt ?? 0) - (a.disabledAt ?? 0));
  const { working, total } = workingPathShare(reach);
  return { workingPaths: { working, total, share: rate(working, total) }, withoutPath, disabledPaths };
}

/**
 * Changes still waiting on their recipient since before `before`, by recipient, with the longest-waiting one's request.
 * One pass over the waiting deliveries (few: only those past the limit): a query per recipient narrowed by its id let
 * the planner walk deliveries_recipient_idx, every delivery that recipient ever had (650 ms on the 10M store).
 */
function unconfirmed(before: number): PropagationOps["unconfirmed"] {
  const every = awaiting();
  const rows = all<{
    recipientId: number;
    recipientName: string;
    count: number;
    oldestAt: number;
    requestId: number | null;
    ref: string | null;
  }>(
    `SELECT w.recipientId, r.name AS recipientName, w.count, w.createdAt AS oldestAt, q.id AS requestId, q.ref
     FROM (SELECT a.recipientId, a.createdAt, a.requestId, COUNT(*) OVER (PARTITION BY a.recipientId) AS count,
                  ROW_NUMBER() OVER (PARTITION BY a.recipientId ORDER BY a.createdAt, a.id) AS position
           FROM (${every.sql}) a) w
     JOIN recipients r ON r.id = w.recipientId LEFT JOIN subject_requests q ON q.id = w.requestId
     WHERE w.position = 1 ORDER BY oldestAt, w.recipientId`,
    Array(every.parts).fill(before),
  );
  const byRecipient = rows.map(({ requestId, ref, ...group }) => ({
    ...group,
    oldestRequest: requestId !== null && ref !== null ? { id: requestId, ref } : null,
  }));
  return { total: byRecipient.reduce((n, g) => n + g.count, 0), byRecipient };
}

function parked(): PropagationOps["parked"] {
  const byRecipient = all<{ recipientId: number; recipientName: string; count: number }>(
    `SELECT d.recipient_id AS recipientId, r.name AS recipientName, COUNT(*) AS count
     FROM deliveries d JOIN recipients r ON r.id = d.recipient_id WHERE d.state = 'parked'
     GROUP BY d.recipient_id, r.name ORDER BY count DESC, r.name`,
    [],
  );
  return { total: byRecipient.reduce((n, g) => n + g.count, 0), byRecipient };
}

/**
 * Propagation to recipients as it stands at `now`: the share of recipients with a working path (and those
 * without one, and the paths switched off), the changes unconfirmed for longer than the brand's limit, and
 * the parked deliveries. Names vendors only: no person, no contact address.
 */
export function getPropagationOps(now: number): PropagationOps {
  const brand = getBrandSettings();
  const limitDays = brand?.confirmationLimitDays ?? confirmationLimitDays.default;
  return {
    limitDays,
    timeZone: brand?.timeZone ?? "UTC",
    ...paths(),
    unconfirmed: unconfirmed(now - limitDays * DAY_MS),
    parked: parked(),
  };
}
