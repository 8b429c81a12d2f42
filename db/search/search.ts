import "server-only";
import { and, desc, eq, inArray, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { containsPattern, ftsPhrase, PEOPLE_PART_MIN_LENGTH, queryLength, SEARCH_GROUP_LIMIT } from "@/lib/search/query";
import type { SearchPersonHit, SearchPurposeHit, SearchRequestHit } from "@/lib/search/results";
import { db } from "../client";
import { notices, noticeVersions, purposes, subjectRequests, subjects } from "../schema";

/** The column holds the query anywhere (its %, _ and \\ taken literally). */
const contains = (column: AnyColumn, q: string): SQL => sql`${column} LIKE ${containsPattern(q)} ESCAPE '\\'`;

const sqlite = db.$client;
const person = "SELECT uid, email, name, external_id AS externalId FROM subjects";
// An identifier typed whole: the unique indexes answer at once, and such a match is listed first.
const exactPeople = sqlite.prepare(`${person} WHERE email = ? OR external_id = ? OR uid = ? LIMIT ${SEARCH_GROUP_LIMIT}`);
// Part of an email, name or external id: the trigram index (migration 0016), newest people first. No ORDER BY
// rank: a common part ("example.com") matches most of the store, and rowid order stops after the first few.
const partPeople = sqlite.prepare(
  `${person} WHERE id IN (SELECT rowid FROM subject_search WHERE subject_search MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY id DESC`,
);

/** People whose email, name or external id holds the query (or whose id is it), at most a group's worth. */
export function searchPeople(q: string): SearchPersonHit[] {
  const term = q.trim();
  const hits = exactPeople.all(term.toLowerCase(), term, term) as SearchPersonHit[];
  if (queryLength(term) >= PEOPLE_PART_MIN_LENGTH && hits.length < SEARCH_GROUP_LIMIT) {
    const seen = new Set(hits.map((h) => h.uid));
    const parts = partPeople.all(ftsPhrase(term), SEARCH_GROUP_LIMIT + hits.length) as SearchPersonHit[];
    for (const hit of parts) if (!seen.has(hit.uid) && hits.length < SEARCH_GROUP_LIMIT) hits.push(hit);
  }
  return hits;
}

const requestColumns = {
  id: subjectRequests.id,
  ref: subjectRequests.ref,
  type: subjectRequests.type,
  status: subjectRequests.status,
  receivedAt: sql<number>`${subjectRequests.receivedAt}`.mapWith(Number),
};

/**
 * Requests whose reference holds the query, then the requests of the people found (a person's email finds
 * what they asked for), newest first, at most a group's worth.
 */
export function searchRequests(q: string, peopleUids: readonly string[] = []): SearchRequestHit[] {
  const term = q.trim();
  const byRef = db
    .select(requestColumns)
    .from(subjectRequests)
    .where(contains(subjectRequests.ref, term))
    .orderBy(desc(subjectRequests.receivedAt))
    .limit(SEARCH_GROUP_LIMIT)
    .all();
  if (byRef.length >= SEARCH_GROUP_LIMIT || peopleUids.length === 0) return byRef;
  const byPerson = db
    .select(requestColumns)
    .from(subjectRequests)
    .where(
      inArray(
        subjectRequests.subjectId,
        db
          .select({ id: subjects.id })
          .from(subjects)
          .where(inArray(subjects.uid, [...peopleUids])),
      ),
    )
    .orderBy(desc(subjectRequests.receivedAt))
    .limit(SEARCH_GROUP_LIMIT)
    .all();
  const seen = new Set(byRef.map((r) => r.id));
  return [...byRef, ...byPerson.filter((r) => !seen.has(r.id))].slice(0, SEARCH_GROUP_LIMIT);
}

/**
 * Purposes whose key or name holds the query, or any of whose published notices (in any language) is titled
 * with it. The title shown is the caller's to choose (its language); the name is given here.
 */
export function searchPurposes(q: string): SearchPurposeHit[] {
  const term = q.trim();
  const titled = db
    .selectDistinct({ id: notices.purposeId })
    .from(noticeVersions)
    .innerJoin(notices, eq(notices.id, noticeVersions.noticeId))
    .where(and(inArray(noticeVersions.status, ["published", "superseded"]), contains(noticeVersions.title, term)));
  return db
    .select({ id: purposes.id, key: purposes.key, title: purposes.name, status: purposes.status })
    .from(purposes)
    .where(or(contains(purposes.key, term), contains(purposes.name, term), inArray(purposes.id, titled)))
    .orderBy(desc(purposes.id))
    .limit(SEARCH_GROUP_LIMIT)
    .all();
}
