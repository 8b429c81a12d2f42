import type { Database, Statement } from "better-sqlite3";
import type { Db } from "../connection";
import type { SplitRow } from "@/lib/metrics/daily-splits";
import type { StateAggregates } from "../consent/ledger/aggregates";
import type { ConsentEventRow, ConsentStateRow, RollupRow, SubjectRow } from "./rows";

/** Rows per INSERT statement: crossing into SQLite once per 64 rows instead of once per row roughly halves the cost. */
const BLOCK = 64;

/** Buffers rows for one table and writes them BLOCK at a time through two reused statements. */
class BlockInserter {
  private buffer: unknown[] = [];
  private readonly one: Statement;
  private readonly block: Statement;

  constructor(
    sqlite: Database,
    table: string,
    private readonly columns: readonly string[],
  ) {
    const tuple = `(${columns.map(() => "?").join(", ")})`;
    const head = `INSERT INTO ${table} (${columns.join(", ")}) VALUES `;
    this.one = sqlite.prepare(head + tuple);
    this.block = sqlite.prepare(head + Array.from({ length: BLOCK }, () => tuple).join(", "));
  }

  get rows(): number {
    return this.buffer.length / this.columns.length;
  }

  add(values: readonly unknown[]): void {
    for (const v of values) this.buffer.push(v);
  }

  /** Writes every buffered row: whole blocks first, then the remainder one by one. */
  flush(): void {
    const width = this.columns.length;
    const blockWidth = BLOCK * width;
    let i = 0;
    for (; i + blockWidth <= this.buffer.length; i += blockWidth) this.block.run(this.buffer.slice(i, i + blockWidth));
    for (; i < this.buffer.length; i += width) this.one.run(this.buffer.slice(i, i + width));
    this.buffer = [];
  }
}

/** Events buffered before a flush: a few hundred subjects' worth, so subjects too go in whole blocks. */
const FLUSH_EVENTS = 4096;

/**
 * Streams subjects, consent events and consent state into the store, committing
 * roughly every `batchRows` rows so memory stays flat however large the ledger
 * is. Rows are buffered and written subjects first, so foreign keys hold at
 * every insert; a subject's rows are never split across a flush.
 */
export class LedgerWriter {
  readonly counts = { subjects: 0, events: 0, states: 0 };
  private pending = 0;
  private readonly subjects: BlockInserter;
  private readonly events: BlockInserter;
  private readonly states: BlockInserter;

  constructor(
    private readonly db: Db,
    private readonly batchRows = 50_000,
  ) {
    const sqlite = db.$client;
    this.subjects = new BlockInserter(sqlite, "subjects", [
      "id",
      "uid",
      "external_id",
      "email",
      "name",
      "phone",
      "jurisdiction",
      "locale",
      "is_minor",
      "guardian_name",
      "guardian_email",
      "created_at",
    ]);
    this.events = new BlockInserter(sqlite, "consent_events", [
      "id",
      "subject_id",
      "purpose_id",
      "notice_version_id",
      "event",
      "channel",
      "jurisdiction",
      "source",
      "locale",
      "gpc",
      "guardian_name",
      "occurred_at",
      "recorded_at",
    ]);
    this.states = new BlockInserter(sqlite, "consent_state", [
      "subject_id",
      "purpose_id",
      "state",
      "channels",
      "notice_version_id",
      "last_event_id",
      "gpc",
      "decided_at",
      "expires_at",
    ]);
    sqlite.exec("BEGIN");
  }

  /** Starts a subject; its events and state rows follow before the next subject. */
  subject(r: SubjectRow): void {
    if (this.events.rows >= FLUSH_EVENTS) this.flushAll();
    if (this.pending >= this.batchRows) {
      this.flushAll();
      this.db.$client.exec("COMMIT; BEGIN");
      this.pending = 0;
    }
    this.subjects.add([
      r.id,
      r.uid,
      r.externalId,
      r.email,
      r.name,
      r.phone,
      r.jurisdiction,
      r.locale,
      r.isMinor,
      r.guardianName,
      r.guardianEmail,
      r.createdAt,
    ]);
    this.counts.subjects++;
    this.pending++;
  }

  event(r: ConsentEventRow): void {
    this.events.add([
      r.id,
      r.subjectId,
      r.purposeId,
      r.noticeVersionId,
      r.event,
      r.channel,
      r.jurisdiction,
      r.source,
      r.locale,
      r.gpc,
      r.guardianName,
      r.occurredAt,
      r.recordedAt,
    ]);
    this.counts.events++;
    this.pending++;
  }

  state(r: ConsentStateRow): void {
    this.states.add([
      r.subjectId,
      r.purposeId,
      r.state,
      JSON.stringify(r.channels),
      r.noticeVersionId,
      r.lastEventId,
      r.gpc,
      r.decidedAt,
      r.expiresAt,
    ]);
    this.counts.states++;
    this.pending++;
  }

  /** Writes what is buffered and commits; the writer cannot be used afterwards. */
  finish(): void {
    this.flushAll();
    this.db.$client.exec("COMMIT");
  }

  private flushAll(): void {
    this.subjects.flush();
    this.events.flush();
    this.states.flush();
  }
}

/** Writes rows of one aggregate table in one transaction, block by block; returns how many. */
function insertAll<R>(db: Db, table: string, columns: readonly string[], rows: Iterable<R>, values: (r: R) => unknown[]): number {
  const inserter = new BlockInserter(db.$client, table, columns);
  let n = 0;
  db.$client.transaction(() => {
    for (const r of rows) {
      inserter.add(values(r));
      if (++n % 4096 === 0) inserter.flush();
    }
    inserter.flush();
  })();
  return n;
}

/** Writes the daily rollups in one transaction. */
export function insertRollups(db: Db, rows: Iterable<RollupRow>): number {
  const columns = ["day", "purpose_id", "jurisdiction", "source", "locale", "channel", "event", "gpc", "count"];
  return insertAll(db, "consent_daily_rollups", columns, rows, (r) => [
    r.day,
    r.purposeId,
    r.jurisdiction,
    r.source,
    r.locale,
    r.channel,
    r.event,
    r.gpc,
    r.count,
  ]);
}

/** Writes the daily splits (consent_daily_splits) the dashboards read. */
export function insertSplits(db: Db, rows: Iterable<SplitRow>): number {
  const columns = [
    "dimension",
    "day",
    "purpose_id",
    "jurisdiction",
    "value",
    "granted",
    "denied",
    "withdrawn",
    "expired",
    "gpc",
    "gpc_granted",
  ];
  return insertAll(db, "consent_daily_splits", columns, rows, (r) => [
    r.dimension,
    r.day,
    r.purposeId,
    r.jurisdiction,
    r.value,
    r.granted,
    r.denied,
    r.withdrawn,
    r.expired,
    r.gpc,
    r.gpcGranted,
  ]);
}

/**
 * Writes the state aggregates (consent_state_totals, live grants, daily moves, grant endings) in one
 * transaction, through the upserts the ledger and erasure use: the seeder sums every state change in
 * StateAggregates, the one writer of these tables, and writes one row per key here.
 */
export function insertStateAggregates(db: Db, aggregates: StateAggregates): void {
  db.$client.transaction(() => aggregates.flush(db.$client))();
}
