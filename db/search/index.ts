import "server-only";
import { toAsync } from "../port";
import * as search from "./search";

// The search port (db/README.md): the staff search's reads, one per kind of result.
export const searchPeople = toAsync(search.searchPeople);
export const searchRequests = toAsync(search.searchRequests);
export const searchPurposes = toAsync(search.searchPurposes);
