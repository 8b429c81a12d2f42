import type { SearchKind } from "./query";

export type SearchRequestHit = { id: number; ref: string; type: string; status: string; receivedAt: number };
export type SearchPersonHit = { uid: string; email: string | null; name: string | null; externalId: string | null };
export type SearchPurposeHit = { id: number; key: string; title: string; status: string };

/** The search's answer: one group per kind the staff member may see, absent when not allowed. */
export type SearchResults = {
  q: string;
  requests?: SearchRequestHit[];
  people?: SearchPersonHit[];
  purposes?: SearchPurposeHit[];
};

/** The page each result opens. */
export function searchHref(kind: SearchKind, hit: SearchRequestHit | SearchPersonHit | SearchPurposeHit): string {
  if (kind === "requests") return `/admin/requests/${(hit as SearchRequestHit).id}`;
  if (kind === "people") return `/admin/subjects/${encodeURIComponent((hit as SearchPersonHit).uid)}`;
  return `/admin/purposes/${(hit as SearchPurposeHit).id}`;
}

/** True when no group holds a result. */
export const isEmptyResults = (r: SearchResults): boolean => !r.requests?.length && !r.people?.length && !r.purposes?.length;
