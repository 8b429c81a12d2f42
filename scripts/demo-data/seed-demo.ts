import { hash } from "@node-rs/argon2";
import { closeBulkConnection, deleteDatabaseFiles, openBulkConnection, recreateDatabase, withoutIndexes } from "@/db/seed/bulk-session";
import { countRows } from "@/db/seed/consistency";
import { insertRollups, insertSplits, insertStateAggregates, LedgerWriter } from "@/db/seed/ledger-writer";
import { appendAuditEntries } from "@/db/seed/audit";
import { insertReferenceRows } from "@/db/seed/reference";
import { insertDataMapRows } from "@/db/seed/data-map";
import { insertRequestRows } from "@/db/seed/requests";
import { splitRowsOf } from "@/lib/metrics/daily-splits";
import { createRandom } from "@/lib/random";
import { APPI_TARGET_DAYS, BRAND_TIME_ZONE } from "./brand";
import { generateLedger } from "./ledger";
import { buildReference } from "./reference";
import { demoDataMapRows } from "./data-map";
import { seedDemoPolicy } from "./policy";
import { seedDemoIncidents } from "./incidents";
import { seedDemoAffected } from "./incident-affected";
import { seedDemoIncidentNotices } from "./incident-notices";
import { seedDemoIncidentReports } from "./incident-reports";
import { seedPropagationHistory } from "./propagation";
import { generateRequests, planRequestSubjects } from "./requests";
import { generateLastYearRequests, publishLastYearReport } from "./transparency";
import { demoPassword, demoStaff, demoStaffId } from "./staff";
import { timeline, todayUtcMidnight } from "./timeline";

export type SeedOptions = {
  /** The store to replace. */
  file: string;
  subjects?: number;
  /** Target size of the consent ledger; the result is within a fraction of a percent. */
  events?: number;
  requests?: number;
  seed?: number;
  /** Data is generated up to this instant; today at 00:00 UTC by default. */
  anchor?: Date;
  /** Rows per transaction while streaming the ledger. */
  batchRows?: number;
  onProgress?: (done: { subjects: number; events: number }) => void;
  /** Called as each stage after the ledger starts, so a caller can say what is happening. */
  onStage?: (stage: "rollups" | "requests" | "audit" | "finishing") => void;
};

export type SeedSummary = {
  file: string;
  seed: number;
  anchor: string;
  counts: Record<string, number>;
  rollupKeys: number;
  ms: number;
};

export const seedDefaults = { subjects: 10_000, events: 200_000, requests: 300, seed: 42 } as const;

/**
 * Replaces the store at `file` with the Northtrail Outfitters demo: brand,
 * staff, purposes and notices, subjects with their consent ledger, derived
 * state and rollups, subject requests, outbox and audit log. The same options
 * (including the anchor) always produce identical data.
 */
export async function seedDemo(options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const subjects = options.subjects ?? seedDefaults.subjects;
  const events = options.events ?? seedDefaults.events;
  const requestCount = options.requests ?? seedDefaults.requests;
  const seed = options.seed ?? seedDefaults.seed;
  const anchor = options.anchor ?? todayUtcMidnight();
  const t = timeline(anchor);
  const root = createRandom(seed);

  // One deterministic salt: demo accounts share a published password, and identical seeds must give identical stores.
  const saltRandom = root.fork("password-salt");
  const salt = Uint8Array.from({ length: 16 }, () => saltRandom.int(0, 255));
  const passwordHash = await hash(demoPassword, { memoryCost: 19456, timeCost: 2, parallelism: 1, salt });

  recreateDatabase(options.file);
  const db = openBulkConnection(options.file);
  try {
    const reference = buildReference(t, passwordHash);
    insertReferenceRows(db, reference.rows);
    insertDataMapRows(db, demoDataMapRows(reference.rows, new Date(t.daysAgo(30, 9))));

    const requestRandom = root.fork("requests");
    const pool = planRequestSubjects(requestRandom, subjects, requestCount);
    const ledger = withoutIndexes(db, "subjects", () => {
      const writer = new LedgerWriter(db, options.batchRows);
      const result = generateLedger(
        root.fork("ledger"),
        {
          subjects,
          events,
          t,
          purposes: reference.consentPurposes,
          keep: new Set(pool),
          onProgress: (s, e) => options.onProgress?.({ subjects: s, events: e }),
        },
        writer,
      );
      writer.finish();
      return result;
    });
    options.onStage?.("rollups");
    insertRollups(db, ledger.rollups.rows());
    insertSplits(db, splitRowsOf(ledger.rollups.rows()));
    insertStateAggregates(db, ledger.aggregates);

    options.onStage?.("requests");
    const officers = demoStaff.filter((s) => s.role === "privacy_officer").map((s) => ({ id: demoStaffId(s.email), name: s.name }));
    const requests = generateRequests(requestRandom, {
      count: requestCount,
      pool,
      subjects: ledger.kept,
      ctx: { t, timeZone: BRAND_TIME_ZONE, appiTargetDays: APPI_TARGET_DAYS, officers, lead: officers[0] },
    });
    insertRequestRows(db, requests.rows);
    // Last year's closed requests, for the transparency report published below.
    const officer = { id: officers[0].id, email: demoStaff.find((s) => s.role === "privacy_officer")!.email };
    const lastYear = generateLastYearRequests(root.fork("last-year"), {
      subjects: ledger.kept,
      anchor: t.anchor,
      timeZone: BRAND_TIME_ZONE,
      appiTargetDays: APPI_TARGET_DAYS,
      officer,
      firstId: requests.rows.requests.length + 1,
      refsTaken: requests.rows.requests.map((q) => q.ref),
      count: Math.round(requestCount * 0.8),
    });
    insertRequestRows(db, lastYear.rows);
    // What the completed requests told the recipients, and how far each delivery got.
    const told = seedPropagationHistory(db, {
      requests: requests.rows.requests,
      subjectOf: requests.subjectOf,
      t,
      random: root.fork("propagation"),
    });

    options.onStage?.("audit");
    const report = publishLastYearReport(db, { year: lastYear.year, anchor: t.anchor, timeZone: BRAND_TIME_ZONE, officer });
    const policy = seedDemoPolicy(db, new Date(t.daysAgo(30, 10)), officer);
    const incidents = seedDemoIncidents(db, t, officer);
    // Who the incidents affected, before the notices that tell them (issue 21).
    const affected = seedDemoAffected(db, t, officer);
    // The second privacy officer approves the breach notices the first asked for (issue 21).
    const dpo = demoStaff.find((s) => s.email === "dpo@northtrail.example")!;
    const incidentNotices = seedDemoIncidentNotices(db, t, officer, { id: demoStaffId(dpo.email), email: dpo.email });
    const incidentReports = seedDemoIncidentReports(db, t, officer);
    // The log reads newest-first by id, so entries go in in the order things happened.
    const audit = [
      ...reference.audit,
      ...requests.audit,
      ...told,
      report,
      policy,
      ...incidents,
      ...affected,
      ...incidentReports,
      ...incidentNotices,
    ].sort((a, b) => a.at!.getTime() - b.at!.getTime());
    appendAuditEntries(db, audit);

    const counts = countRows(db);
    options.onStage?.("finishing");
    closeBulkConnection(db);
    return {
      file: options.file,
      seed,
      anchor: anchor.toISOString().slice(0, 10),
      counts,
      rollupKeys: ledger.rollups.size,
      ms: Math.round(performance.now() - started),
    };
  } catch (error) {
    // A half-loaded store would have staff accounts, so ensure-demo-data would keep it: remove it instead.
    if (db.$client.open) db.$client.close();
    deleteDatabaseFiles(options.file);
    throw error;
  }
}
