import "server-only";
import { can, type Permission } from "@/lib/auth/permissions";
import { purposeName } from "@/lib/purposes/titles";
import { isSearchable, searchKinds, type SearchKind, type StaffSearchInput } from "@/lib/search/query";
import type { SearchResults } from "@/lib/search/results";
import { searchPeople, searchPurposes, searchRequests } from "@/db/search";
import { getPurposeTitles } from "./purpose-titles";
import { requirePermission, type CurrentUser } from "./session";

/**
 * What each kind of result needs. People and their requests name a person, so they are for the roles that
 * may read people's data ("subject:read-pii", the privacy officer); any staff member may find a purpose.
 */
const kindPermission: Record<SearchKind, Permission> = {
  requests: "subject:read-pii",
  people: "subject:read-pii",
  purposes: "purpose:read",
};

/**
 * The staff search. Without a kind it searches every kind the user may see and leaves the others out; a kind
 * asked for by name that the user may not see is refused (403, audited), never answered empty. A query too
 * short to search answers nothing.
 */
export async function staffSearch(input: StaffSearchInput, path: string): Promise<SearchResults> {
  let user: CurrentUser;
  let kinds: SearchKind[];
  if (input.kind) {
    user = await requirePermission(kindPermission[input.kind], path);
    kinds = [input.kind];
  } else {
    user = await requirePermission("purpose:read", path);
    kinds = searchKinds.filter((k) => can(user.role, kindPermission[k]));
  }
  const q = input.q;
  const results: SearchResults = { q };
  for (const kind of kinds) results[kind] = [];
  if (!isSearchable(q)) return results;
  const people = kinds.includes("people") || kinds.includes("requests") ? await searchPeople(q) : [];
  if (kinds.includes("people")) results.people = people;
  if (kinds.includes("requests"))
    results.requests = await searchRequests(
      q,
      people.map((p) => p.uid),
    );
  if (kinds.includes("purposes")) {
    const titles = await getPurposeTitles();
    results.purposes = (await searchPurposes(q)).map((p) => ({ ...p, title: purposeName({ key: p.key, name: p.title }, titles) }));
  }
  return results;
}
