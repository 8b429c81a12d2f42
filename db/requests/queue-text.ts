import "server-only";
import { and, gte, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { prefixUpperBound, referencePrefixes } from "@/lib/requests/queue-text";
import { containsPattern, ftsPhrase, PEOPLE_PART_MIN_LENGTH, queryLength } from "@/lib/search/query";
import { db } from "../client";
import { subjectRequests } from "../schema";

const r = subjectRequests;
/** Up to this many people found by the trigram index are named to the query; past it the requests are read instead. */
const PEOPLE_LIST_LIMIT = 1000;
const peopleMatching = db.$client
  .prepare(`SELECT rowid FROM subject_search WHERE subject_search MATCH ? ORDER BY rowid DESC LIMIT ${PEOPLE_LIST_LIMIT + 1}`)
  .pluck();

const escaped = (column: SQL | string, pattern: string) =>
  sql`${typeof column === "string" ? sql.raw(column) : column} LIKE ${pattern} ESCAPE '\\'`;
/** A field of an unlinked request's contact (its details hold the JSON of lib/requests/unlinked-contact.ts). */
const contactField = (field: "email" | "externalId" | "name") =>
  sql`CASE WHEN json_valid(${r.details}) THEN json_extract(${r.details}, ${`$.${field}`}) END`;

/**
 * The queue's text filter as one condition: the reference starts with the query (a range on its unique
 * index), or (only with `people`: the caller holds subject:read-pii) the request is from a person whose email,
 * name or external id holds it, or it is unlinked and the contact staff took down holds it.
 *
 * People are looked up in the staff search's trigram index (subject_search, migration 0016), newest first,
 * at most PEOPLE_LIST_LIMIT + 1 of them. A part few people share (an address) names its people to the query,
 * which the requests' subject index answers. A part many share ("example.com", 40% of the 10M-event store's
 * million people) would cost a read of every match (about 250 ms there); requests are far fewer than people,
 * so then each request the other filters leave is checked against its person's row instead (its primary key).
 * Measured there: 2-20 ms for the lookup, then 1-12 ms for the page. Shorter than a trigram, a query finds a
 * person only by a whole email or external id (their unique indexes).
 */
export function textCondition(text: string, access: { people: boolean }): SQL {
  const term = text.trim();
  const byRef = referencePrefixes(term).map((p) => and(gte(r.ref, p), lt(r.ref, prefixUpperBound(p)))!);
  // A role that may not see people matches references only: their email, name and ids are not searched at all.
  if (!access.people) return byRef.length ? or(...byRef)! : sql`0`;
  const pattern = containsPattern(term);
  let people: SQL;
  if (queryLength(term) < PEOPLE_PART_MIN_LENGTH)
    people = sql`${r.subjectId} IN (SELECT id FROM subjects WHERE email = ${term.toLowerCase()} OR external_id = ${term})`;
  else {
    const ids = peopleMatching.all(ftsPhrase(term)) as number[];
    people =
      ids.length <= PEOPLE_LIST_LIMIT
        ? inArray(r.subjectId, ids)
        : sql`EXISTS (SELECT 1 FROM subjects p WHERE p.id = ${r.subjectId} AND (${escaped("p.email", pattern)} OR ${escaped("p.name", pattern)} OR ${escaped("p.external_id", pattern)}))`;
  }
  const like = (field: "email" | "externalId" | "name") => escaped(contactField(field), pattern);
  const contact = and(isNull(r.subjectId), or(like("email"), like("externalId"), like("name")))!;
  return or(...byRef, people, contact)!;
}
