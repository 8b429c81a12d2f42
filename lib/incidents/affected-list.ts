import { z } from "zod";

/**
 * A pasted or uploaded list of the people an incident affected, by the brand's customer ids or by email (issue 21,
 * deliverable 2): one entry a line, or several on a line split by commas, semicolons or tabs; a CSV's header row
 * picks its "email" or "external id" column. Each entry is checked (an email must be one, an id at most 128
 * characters, as the API takes it), duplicates are dropped (emails compared in lower case, as the store keeps
 * them), and what could not be read is reported with its line.
 */

export const MAX_LIST_ENTRIES = 200_000;
/** The largest list text taken (about 200,000 addresses). */
export const MAX_LIST_BYTES = 8 * 1024 * 1024;
const MAX_EXTERNAL_ID = 128;
/** How many unreadable or unknown entries a report names; the rest are counted. */
export const REPORTED_ENTRIES = 50;

export type ListEntry = { kind: "email" | "externalId"; value: string };
export type InvalidEntry = { line: number; value: string };

export type ParsedList = {
  entries: ListEntry[];
  /** Entries read, before duplicates were dropped. */
  read: number;
  duplicates: number;
  invalid: InvalidEntry[];
  invalidCount: number;
  /** More entries than MAX_LIST_ENTRIES: the list is refused, not cut. */
  tooMany: boolean;
};

const emailSchema = z.email();
const EMAIL_HEADERS = new Set(["email", "e-mail", "email address", "mail"]);
const ID_HEADERS = new Set(["external id", "external_id", "externalid", "customer id", "customer_id", "id"]);

/** A line's cells, split at commas, semicolons and tabs outside double quotes ("Kim, Min-ji" is one cell). */
function splitCells(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') cell += line[++i];
      else quoted = !quoted;
    } else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) {
      cells.push(cell.trim());
      cell = "";
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

/** The column a header row names, or null when the first line is data. */
function headerColumn(first: string): { index: number; kind: ListEntry["kind"] } | null {
  const cells = splitCells(first).map((c) => c.toLowerCase());
  const email = cells.findIndex((c) => EMAIL_HEADERS.has(c));
  if (email >= 0) return { index: email, kind: "email" };
  const id = cells.findIndex((c) => ID_HEADERS.has(c));
  return id >= 0 ? { index: id, kind: "externalId" } : null;
}

function classify(value: string): ListEntry | null {
  if (value.includes("@")) {
    const email = value.toLowerCase();
    return emailSchema.safeParse(email).success ? { kind: "email", value: email } : null;
  }
  if (value.length > MAX_EXTERNAL_ID || /[\s\u0000-\u001f\u007f]/.test(value)) return null;
  return { kind: "externalId", value };
}

/** Reads a list; never throws. Blank lines and cells are skipped. */
export function parseAffectedList(text: string): ParsedList {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const header = lines.length > 0 ? headerColumn(lines[0]) : null;
  const seen = new Set<string>();
  const out: ParsedList = { entries: [], read: 0, duplicates: 0, invalid: [], invalidCount: 0, tooMany: false };
  const take = (raw: string, line: number, kind?: ListEntry["kind"]) => {
    // A blank cell is nothing, except in a CSV's column, where it is a row that names no one.
    if (raw === "" && !kind) return;
    out.read++;
    const entry = classify(raw);
    if (!entry || (kind && entry.kind !== kind)) {
      out.invalidCount++;
      if (out.invalid.length < REPORTED_ENTRIES) out.invalid.push({ line, value: raw.slice(0, 200) });
      return;
    }
    const key = `${entry.kind}:${entry.value}`;
    if (seen.has(key)) out.duplicates++;
    else {
      seen.add(key);
      out.entries.push(entry);
    }
  };
  for (let i = header ? 1 : 0; i < lines.length; i++) {
    if (out.read > MAX_LIST_ENTRIES) break;
    if (header) {
      if (lines[i].trim() !== "") take(splitCells(lines[i])[header.index] ?? "", i + 1, header.kind);
    } else for (const cell of splitCells(lines[i])) take(cell, i + 1);
  }
  out.tooMany = out.read > MAX_LIST_ENTRIES;
  return out;
}
