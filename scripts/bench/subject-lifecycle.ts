// Subject export and erasure (SPEC: ≤ 100 ms each at 10M events, and at 10M no slower than
// 1.5× the time at 1M). Each store gets a few fresh subjects with 1,000 ledger events each;
// every one is exported (built and serialized as the download would be) and then erased.
import { performance } from "node:perf_hooks";
import { and, eq } from "drizzle-orm";
import { databasePath, openDatabase, type Db } from "@/db/connection";
import { ConsentLedger } from "@/db/consent/ledger/record";
import { migrateDatabase } from "@/db/migrate";
import { noticeVersions, notices, purposes } from "@/db/schema";
import { buildSubjectExport } from "@/db/subjects/export";
import { eraseSubject } from "@/db/subjects/erasure";
import { exportToCsv } from "@/lib/requests/export-formats";
import type { Measurement } from "../bench";
import type { Metric } from "./report";

// Ten timed (the first warms caches): enough for a median that one slow run cannot move.
const SUBJECTS = 11;
const EVENTS_PER_SUBJECT = 1_000;
const CYCLE = ["granted", "withdrawn", "granted", "denied"] as const;
// Other customers' events between two of a bench subject's: enough that no two share a ledger page.
const NOISE_PER_ROUND = 40;

/** The store's ledger size, rounded for a label: "1M", "10M", "200k". */
function sizeLabel(events: number): string {
  return events >= 1e6 ? `${Math.round(events / 1e6)}M` : `${Math.round(events / 1e3)}k`;
}

function consentPurposes(db: Db): string[] {
  return db
    .selectDistinct({ key: purposes.key })
    .from(purposes)
    .innerJoin(notices, and(eq(notices.purposeId, purposes.id), eq(notices.locale, "en")))
    .innerJoin(noticeVersions, and(eq(noticeVersions.noticeId, notices.id), eq(noticeVersions.status, "published")))
    .where(and(eq(purposes.status, "active"), eq(purposes.legalBasis, "consent"), eq(purposes.saleOrSharing, false)))
    .all()
    .map((r) => r.key);
}

/**
 * Fresh adult subjects with exactly 1,000 events each, written as a customer's
 * events arrive over the years: interleaved with other customers' events, so each
 * subject's rows are spread over the ledger's pages rather than packed together.
 */
function seedSubjects(db: Db, keys: string[], count: number): number[] {
  const run = Date.now().toString(36);
  const names = Array.from({ length: count }, (_, n) => `bench-lifecycle-${run}-${n}`);
  const others = db.$client
    .prepare(
      "SELECT external_id AS id, jurisdiction AS j FROM subjects WHERE is_minor = 0 AND external_id IS NOT NULL ORDER BY random() LIMIT 5000",
    )
    .all() as { id: string; j: string }[];
  const ledger = new ConsentLedger(db);
  let stored = 0;
  for (let i = 0; i < EVENTS_PER_SUBJECT; i++) {
    const purpose = keys[i % keys.length];
    const event = CYCLE[Math.floor(i / keys.length) % CYCLE.length];
    const mine = names.map((name) => ({
      subject: { email: `${name}@example.com`, externalId: name, jurisdiction: "EU" as const, locale: "en" as const },
      purpose,
      event,
      source: "import" as const,
    }));
    const noise = Array.from({ length: NOISE_PER_ROUND }, (_, k) => {
      const o = others[(i * NOISE_PER_ROUND + k) % others.length];
      return {
        subject: { externalId: o.id },
        purpose,
        event: k % 2 ? ("granted" as const) : ("withdrawn" as const),
        source: "import" as const,
      };
    });
    const { results } = ledger.record([...mine, ...noise], { gpc: false });
    stored += results.slice(0, count).filter((r) => r.status === "stored").length;
  }
  if (stored !== count * EVENTS_PER_SUBJECT)
    throw new Error(`seeding bench subjects stored ${stored} of ${count * EVENTS_PER_SUBJECT} events`);
  const id = db.$client.prepare("SELECT id FROM subjects WHERE external_id = ?");
  return names.map((name) => (id.get(name) as { id: number }).id);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Export then erase fresh subjects in one store; the first run of each warms caches and is not counted. */
export function measureLifecycle(file: string): { label: string; events: number; exportMs: number[]; eraseMs: number[] } {
  migrateDatabase(file);
  const db = openDatabase(file);
  try {
    const events = (db.$client.prepare("SELECT max(id) AS n FROM consent_events").get() as { n: number | null }).n ?? 0;
    const keys = consentPurposes(db);
    if (keys.length === 0) throw new Error(`no active consent purpose with a published English notice in ${file}`);
    const exportMs: number[] = [];
    const eraseMs: number[] = [];
    const ids = seedSubjects(db, keys, SUBJECTS);
    for (const [n, id] of ids.entries()) {
      // Pending ledger pages belong to the seeding, not to the erasure that checkpoints after itself.
      db.$client.pragma("wal_checkpoint(TRUNCATE)");
      let t = performance.now();
      const data = buildSubjectExport(db, id, { ref: `BENCH-${n}`, type: "access" });
      if (!data || data.events.length !== EVENTS_PER_SUBJECT)
        throw new Error(`the export holds ${data?.events.length ?? 0} events, not ${EVENTS_PER_SUBJECT}`);
      JSON.stringify(data);
      exportToCsv(data);
      const exported = performance.now() - t;
      t = performance.now();
      eraseSubject(db, id, `BENCH-${n}`);
      const erased = performance.now() - t;
      if (n > 0) {
        exportMs.push(exported);
        eraseMs.push(erased);
      }
    }
    return { label: sizeLabel(events), events, exportMs, eraseMs };
  } finally {
    db.$client.close();
  }
}

export const subjectLifecycle: Measurement = {
  name: "subject-lifecycle",
  run: ({ options }) => {
    const files = options.stores.length ? options.stores : [databasePath()];
    const runs = files.map(measureLifecycle).sort((a, b) => a.events - b.events);
    const metrics: Metric[] = [];
    for (const [i, r] of runs.entries()) {
      const smallest = i > 0 ? runs[0] : undefined;
      for (const [what, times] of [
        ["export", r.exportMs],
        ["erasure", r.eraseMs],
      ] as const) {
        const name = `candor.subject-${what}.${r.label}`;
        const details = {
          subjectEvents: EVENTS_PER_SUBJECT,
          ledgerEvents: r.events,
          runs: times.length,
          maxMs: Math.max(...times),
          timesMs: times.map((x) => Math.round(x * 10) / 10),
        };
        metrics.push({ name, value: median(times), unit: "ms", target: { max: 100 }, details });
        if (smallest)
          metrics.push({
            name: `${name}.vs-${smallest.label}`,
            value: median(times),
            unit: "ms",
            ratioTo: `candor.subject-${what}.${smallest.label}`,
            target: { max: 1.5 },
          });
      }
    }
    return metrics;
  },
};
