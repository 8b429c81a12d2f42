import { z } from "zod";

/** What the staff search finds, in the order its groups are shown. */
export const searchKinds = ["requests", "people", "purposes"] as const;
export type SearchKind = (typeof searchKinds)[number];

/** Fewer characters than this find nothing (two suit a two-character Japanese or Korean title). */
export const SEARCH_MIN_LENGTH = 2;
/** A person is found by part of an identifier from three characters on: the trigram index's smallest term. */
export const PEOPLE_PART_MIN_LENGTH = 3;
export const SEARCH_MAX_LENGTH = 200;
/** At most this many results per group. */
export const SEARCH_GROUP_LIMIT = 8;

/** The search's input: a query of bounded length and, optionally, the one kind asked for. */
export const staffSearchSchema = z.object({
  // Control characters are no part of any identifier; FTS5 would also stop reading its query at a NUL (a 500).
  q: z
    .string()
    .trim()
    .max(SEARCH_MAX_LENGTH)
    .transform((q) => q.replace(/\p{Cc}/gu, " ").trim())
    .default(""),
  kind: z.enum(searchKinds).optional(),
});
export type StaffSearchInput = z.infer<typeof staffSearchSchema>;

/** Counts characters, not UTF-16 units, so a Korean or Japanese query is measured as it reads. */
export const queryLength = (q: string): number => [...q].length;

/** True when the query is long enough to search at all; a shorter one answers nothing rather than an error. */
export const isSearchable = (q: string): boolean => queryLength(q.trim()) >= SEARCH_MIN_LENGTH;

/** The query as one FTS5 phrase: quotes doubled, so nothing the staff member typed is read as query syntax. */
export function ftsPhrase(q: string): string {
  return `"${q.replace(/"/g, '""')}"`;
}

/** A LIKE pattern matching the query anywhere, with its own %, _ and \ taken literally (ESCAPE '\'). */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
