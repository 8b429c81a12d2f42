import { toCsv, type CsvColumn } from "../metrics/csv";
import { toLocalInput } from "./receipt";

/** The most rows one export holds: past it the staff member is asked to narrow the filters (the file stays readable). */
export const QUEUE_EXPORT_MAX = 10_000;

/** A queue row as the export reads it; `customer` only for readers who may see people. */
export type QueueCsvRow = {
  ref: string;
  type: string;
  status: string;
  jurisdiction: string;
  receivedAt: Date;
  dueAt: Date;
  extendedAt: Date | null;
  assigneeName: string | null;
  customer?: string | null;
  /** How a closed request ended, and the reason of a denial or of the part withheld (issue 18). */
  outcome?: string | null;
  denialReason?: string | null;
};

/** The words of the file, in the staff member's language: column names, and the type and status labels. */
export type QueueCsvWords = {
  headers: Record<
    "ref" | "type" | "status" | "outcome" | "denialReason" | "jurisdiction" | "received" | "due" | "extended" | "assignee" | "customer",
    string
  >;
  type: (code: string) => string;
  status: (code: string) => string;
  outcome: (code: string) => string;
  denialReason: (code: string) => string;
  yes: string;
};

/** Excel reads a CSV as the system's code page unless it starts with a UTF-8 byte-order mark; with it, Korean and Japanese open intact. */
export const UTF8_BOM = "\uFEFF";

/**
 * The filtered queue as a CSV file: UTF-8 with a byte-order mark, the header row in the reader's language, dates
 * and times as the brand's wall clock ("2026-03-01 09:30", the zone named in the header), and every cell a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) defused (lib/metrics/csv.ts).
 */
export function queueCsv(rows: readonly QueueCsvRow[], words: QueueCsvWords, options: { timeZone: string; withCustomer: boolean }): string {
  const when = (d: Date) => toLocalInput(d, options.timeZone).replace("T", " ");
  type Line = Record<keyof QueueCsvWords["headers"], string>;
  const keys: (keyof Line)[] = [
    "ref",
    ...(options.withCustomer ? (["customer"] as const) : []),
    "type",
    "status",
    "outcome",
    "denialReason",
    "jurisdiction",
    "received",
    "due",
    "extended",
    "assignee",
  ];
  const columns: CsvColumn<Line>[] = keys.map((key) => ({ key, label: words.headers[key] }));
  const lines: Line[] = rows.map((r) => ({
    ref: r.ref,
    customer: r.customer ?? "",
    type: words.type(r.type),
    status: words.status(r.status),
    outcome: r.outcome ? words.outcome(r.outcome) : "",
    denialReason: r.denialReason ? words.denialReason(r.denialReason) : "",
    jurisdiction: r.jurisdiction,
    received: when(r.receivedAt),
    due: when(r.dueAt),
    extended: r.extendedAt ? words.yes : "",
    assignee: r.assigneeName ?? "",
  }));
  return UTF8_BOM + toCsv(columns, lines);
}

/** The export's file name: the queue and the brand's date, safe on every system. */
export function queueCsvFileName(now: Date, timeZone: string): string {
  return `requests_${toLocalInput(now, timeZone).slice(0, 10)}.csv`;
}
