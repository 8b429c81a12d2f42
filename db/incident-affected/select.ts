import type { Statement } from "better-sqlite3";
import { isJurisdiction, type Jurisdiction } from "@/lib/jurisdictions";
import {
  classifyState,
  customerIn,
  emptyCounts,
  grantLiveIn,
  selectedPurposes,
  type AffectedCriteria,
  type JurisdictionCounts,
  type LedgerEntry,
  type SelectablePurpose,
} from "@/lib/incidents/affected";
import { REPORTED_ENTRIES, type ParsedList } from "@/lib/incidents/affected-list";
import type { ConsentEventType } from "@/lib/consent/vocabulary";
import type { LegalBasis } from "@/lib/purposes/vocabulary";
import type { Db } from "../connection";
import { perConnection } from "../prepared";

/**
 * Finding the affected people (issue 21, deliverable 2), read in slices of the subjects' id range so the caller can
 * report progress and let other work run between slices (the server's one connection answers everyone). Each
 * slice is three range reads on primary keys (subjects, consent_state) and, for the few people whose state changed
 * during or after the period, their ledger entries through the subject index: never a scan of the whole ledger.
 * On the 10M-event store the bench (`candor.incident-affected.*`) times a selection of about 100,000 people.
 */

/** A person found, with what the notices need. */
export type FoundPerson = { subjectId: number; jurisdiction: Jurisdiction; locale: string; hasEmail: boolean; hasPhone: boolean };

export type SelectionProgress = { done: number; counts: JurisdictionCounts; found: number };
export type ListReport = {
  read: number;
  duplicates: number;
  invalid: number;
  unknown: number;
  /** The first unreadable entries with their line, and the first unknown ones: shown to the officer, never stored. */
  invalidEntries: { line: number; value: string }[];
  unknownEntries: string[];
};
export type SelectionResult = { people: FoundPerson[]; counts: JurisdictionCounts; list?: ListReport };

const SLICE = 25_000;
const LIST_SLICE = 5_000;

/** id, jurisdiction, locale, has email, has phone, is a customer (external id), created at: read raw, no object per row. */
type SubjectTuple = [number, string, string, number, number, number, number];
type StateTuple = [number, number, ConsentEventType, number, number | null];
type LedgerTuple = [number, number, ConsentEventType, number];

function prepare(sql: Db["$client"]) {
  const q = (s: string): Statement => sql.prepare(s);
  return {
    maxId: q("SELECT coalesce(max(id), 0) AS n FROM subjects"),
    maxEventId: q("SELECT coalesce(max(id), 0) AS n FROM consent_events"),
    purposes: q(
      `SELECT id, key, name, legal_basis AS legalBasis, data_categories AS categories, activated_at AS activatedAt, retired_at AS retiredAt
       FROM purposes WHERE status IN ('active', 'retired') ORDER BY status, name`,
    ),
    subjects: q(
      `SELECT id, jurisdiction, locale, email IS NOT NULL AS e, phone IS NOT NULL AS p, external_id IS NOT NULL AS c, created_at AS t
       FROM subjects WHERE id BETWEEN ? AND ?`,
    ),
    subjectsById: q(
      `SELECT id, jurisdiction, locale, email IS NOT NULL AS e, phone IS NOT NULL AS p, external_id IS NOT NULL AS c, created_at AS t
       FROM subjects WHERE id IN (SELECT value FROM json_each(?))`,
    ),
    states: q(
      `SELECT subject_id AS s, purpose_id AS pid, state, decided_at AS decidedAt, expires_at AS expiresAt
       FROM consent_state WHERE subject_id BETWEEN ? AND ? AND purpose_id IN (SELECT value FROM json_each(?))`,
    ),
    ledger: q(
      `SELECT subject_id AS s, purpose_id AS pid, event, occurred_at AS at FROM consent_events
       WHERE subject_id IN (SELECT value FROM json_each(?)) AND purpose_id IN (SELECT value FROM json_each(?))
       ORDER BY subject_id, purpose_id, id`,
    ),
    ledgerRange: q(
      `SELECT subject_id AS s, purpose_id AS pid, event, occurred_at AS at FROM consent_events
       WHERE id BETWEEN ? AND ? AND purpose_id IN (SELECT value FROM json_each(?))`,
    ),
    byEmail: q("SELECT id, jurisdiction, locale, email IS NOT NULL AS e, phone IS NOT NULL AS p, 0, 0 FROM subjects WHERE email = ?"),
    byExternalId: q(
      "SELECT id, jurisdiction, locale, email IS NOT NULL AS e, phone IS NOT NULL AS p, 0, 0 FROM subjects WHERE external_id = ?",
    ),
  };
}

const statements = perConnection((db) => prepare(db.$client));

/** The purposes a selection may name: those that were ever in force (a draft never held anyone's data). */
export function loadSelectablePurposes(db: Db): (SelectablePurpose & { key: string; name: string })[] {
  return (
    statements(db).purposes.all() as {
      id: number;
      key: string;
      name: string;
      legalBasis: LegalBasis;
      categories: string;
      activatedAt: number | null;
      retiredAt: number | null;
    }[]
  ).map((p) => ({ ...p, categories: JSON.parse(p.categories) as string[] }));
}

function person([id, jurisdiction, locale, e, p]: SubjectTuple): FoundPerson | null {
  if (!isJurisdiction(jurisdiction)) return null;
  return { subjectId: id, jurisdiction, locale, hasEmail: e === 1, hasPhone: p === 1 };
}

/** Ledger entries worth reading through the subject index rather than in one pass over the ledger (per entry, ~50x). */
const INDEX_READ_RATIO = 50;
const EVENTS_PER_PERSON = 10;
const LEDGER_SLICE = 200_000;
const HISTORY_SLICE = 50_000;

/**
 * The people the criteria select. First the subjects' id range in slices: the current state settles most people
 * (a live grant from before the period's end, or no grant since before its start) and every customer for the
 * purposes on another basis; then the ledger, for the people whose state changed during or after the period:
 * through the subject index when they are few, else in one pass over the ledger's id range (random reads of a
 * few hundred thousand people's entries cost more than reading the table in order). Yields progress and the
 * counts so far; returns everyone found in subject id order.
 */
export function* selectByCriteria(
  db: Db,
  criteria: AffectedCriteria,
  /** How the ledger is read for the undecided people; by default chosen from how many they are (tests force each). */
  ledgerRead?: "index" | "pass",
): Generator<SelectionProgress, SelectionResult> {
  const s = statements(db);
  const chosen = selectedPurposes(loadSelectablePurposes(db), criteria);
  const consent = chosen.filter((p) => p.legalBasis === "consent");
  const other = chosen.filter((p) => p.legalBasis !== "consent");
  const windows = new Map(consent.map((p) => [p.id, p.window]));
  const consentIds = JSON.stringify(consent.map((p) => p.id));
  const places = new Set<string>(criteria.jurisdictions);
  const counts = emptyCounts();
  const people: FoundPerson[] = [];
  const take = (row: SubjectTuple) => {
    const found = person(row);
    if (!found) return;
    people.push(found);
    counts[found.jurisdiction]++;
  };
  const progress = (done: number): SelectionProgress => ({ done, counts: { ...counts }, found: people.length });
  const maxId = (s.maxId.get() as { n: number }).n;
  if (chosen.length === 0) return { people, counts };

  // Undecided people: their ledger entries tell. Where they live is read now only when it narrows the selection.
  const pending = new Set<number>();
  for (let lo = 1; lo <= maxId; lo += SLICE) {
    const hi = Math.min(lo + SLICE - 1, maxId);
    const inIds = new Set<number>();
    const check = new Set<number>();
    if (consent.length > 0)
      for (const [subject, pid, state, decidedAt, expiresAt] of s.states.raw().all(lo, hi, consentIds) as StateTuple[]) {
        if (inIds.has(subject)) continue;
        const verdict = classifyState({ state, decidedAt, expiresAt }, windows.get(pid)!);
        if (verdict === "in") {
          inIds.add(subject);
          check.delete(subject);
        } else if (verdict === "check") check.add(subject);
      }
    // Another basis holds every customer's data: the whole slice is read. Otherwise only the people a state named.
    const wanted = places.size > 0 ? [...inIds, ...check] : [...inIds];
    const rows =
      other.length > 0
        ? (s.subjects.raw().all(lo, hi) as SubjectTuple[])
        : wanted.length > 0
          ? (s.subjectsById.raw().all(JSON.stringify(wanted)) as SubjectTuple[])
          : [];
    if (places.size === 0) for (const id of check) pending.add(id);
    for (const row of rows) {
      if (places.size > 0 && !places.has(row[1])) {
        pending.delete(row[0]);
        continue;
      }
      // Another basis holds a customer's data from when Candor first knew them, while the purpose was in force.
      if (inIds.has(row[0]) || (row[5] === 1 && other.some((p) => customerIn(row[6], p.window)))) {
        take(row);
        pending.delete(row[0]);
      } else if (check.has(row[0])) pending.add(row[0]);
    }
    yield progress((hi / maxId) * (pending.size > 0 ? 0.4 : 1));
  }
  if (pending.size === 0) return { people: people.sort(bySubject), counts };

  const histories = new Map<number, number[]>();
  const span = Math.max(...consent.map((p) => p.id)) + 1;
  const add = (subject: number, pid: number, event: ConsentEventType, at: number) => {
    const key = subject * span + pid;
    let h = histories.get(key);
    if (!h) histories.set(key, (h = []));
    h.push(at, event === "granted" ? 1 : 0);
  };
  const maxEvent = (s.maxEventId.get() as { n: number }).n;
  if ((ledgerRead ?? (pending.size * EVENTS_PER_PERSON * INDEX_READ_RATIO < maxEvent ? "index" : "pass")) === "index") {
    const ids = [...pending];
    for (let i = 0; i < ids.length; i += LIST_SLICE) {
      for (const [subject, pid, event, at] of s.ledger.raw().all(JSON.stringify(ids.slice(i, i + LIST_SLICE)), consentIds) as LedgerTuple[])
        add(subject, pid, event, at);
      yield progress(0.4 + (0.4 * Math.min(i + LIST_SLICE, ids.length)) / ids.length);
    }
  } else {
    for (let lo = 1; lo <= maxEvent; lo += LEDGER_SLICE) {
      const hi = Math.min(lo + LEDGER_SLICE - 1, maxEvent);
      for (const [subject, pid, event, at] of s.ledgerRange.raw().all(lo, hi, consentIds) as LedgerTuple[])
        if (pending.has(subject)) add(subject, pid, event, at);
      yield progress(0.4 + (0.4 * hi) / maxEvent);
    }
  }
  // Each undecided person's entries in time order (the sort is stable: entries at one instant keep the ledger's order).
  const found: number[] = [];
  const seen = new Set<number>();
  let done = 0;
  for (const [key, h] of histories) {
    const subject = Math.floor(key / span);
    if (!seen.has(subject)) {
      const entries: LedgerEntry[] = [];
      for (let i = 0; i < h.length; i += 2) entries.push({ at: h[i], event: h[i + 1] === 1 ? "granted" : "withdrawn" });
      entries.sort((x, y) => x.at - y.at);
      if (grantLiveIn(entries, windows.get(key - subject * span)!)) {
        seen.add(subject);
        found.push(subject);
      }
    }
    if (++done % HISTORY_SLICE === 0) yield progress(0.8 + (0.1 * done) / histories.size);
  }
  for (let i = 0; i < found.length; i += LIST_SLICE) {
    for (const row of s.subjectsById.raw().all(JSON.stringify(found.slice(i, i + LIST_SLICE))) as SubjectTuple[]) take(row);
    yield progress(0.9 + (0.1 * Math.min(i + LIST_SLICE, found.length)) / found.length);
  }
  return { people: people.sort(bySubject), counts };
}

const bySubject = (a: FoundPerson, b: FoundPerson) => a.subjectId - b.subjectId;

/** The people a parsed list names, slice by slice; an entry naming someone already found counts as a duplicate. */
export function* selectByList(db: Db, list: ParsedList): Generator<SelectionProgress, SelectionResult> {
  const s = statements(db);
  const counts = emptyCounts();
  const people: FoundPerson[] = [];
  const seen = new Set<number>();
  const report: ListReport = {
    read: list.read,
    duplicates: list.duplicates,
    invalid: list.invalidCount,
    unknown: 0,
    invalidEntries: list.invalid,
    unknownEntries: [],
  };
  const total = list.entries.length;
  for (let lo = 0; lo < total; lo += LIST_SLICE) {
    for (const entry of list.entries.slice(lo, lo + LIST_SLICE)) {
      const row = (entry.kind === "email" ? s.byEmail : s.byExternalId).raw().get(entry.value) as SubjectTuple | undefined;
      const found = row ? person(row) : null;
      if (!found) {
        report.unknown++;
        if (report.unknownEntries.length < REPORTED_ENTRIES) report.unknownEntries.push(entry.value);
      } else if (seen.has(found.subjectId)) report.duplicates++;
      else {
        seen.add(found.subjectId);
        people.push(found);
        counts[found.jurisdiction]++;
      }
    }
    yield { done: Math.min(lo + LIST_SLICE, total) / total, counts: { ...counts }, found: people.length };
  }
  people.sort((a, b) => a.subjectId - b.subjectId);
  return { people, counts, list: report };
}
