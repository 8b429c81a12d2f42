/**
 * What the jobs of one group commit may read once and share (issue 22). Every ledger call reads the purposes, the
 * notice versions and the data map; a group of single events read them once per event, which was the writer's largest
 * cost after the commit itself. They change only through writes to those tables, and within the group's transaction
 * no other connection writes: so a scope lasts while only jobs that leave them alone run, in a row. Any other job runs
 * with none (it reads for itself, as outside a group) and ends the scope; so does the end of the group.
 */
let scope: Map<string, unknown> | null = null;

/** The operations that leave the shared tables alone: recording consent reads them and writes the ledger only. */
export const scopeKeepers: ReadonlySet<string> = new Set(["consent.recordConsent"]);

/** `load()`'s value, read once per scope under `key`; outside a group, read on every call. Callers must not change it. */
export function scoped<T>(key: string, load: () => T): T {
  if (!scope) return load();
  if (!scope.has(key)) scope.set(key, load());
  return scope.get(key) as T;
}

/** Before each job of a group, by the job's operation name: the scope it shares, if it is one that keeps it. */
export function enterJob(name: string): void {
  scope = scopeKeepers.has(name) ? (scope ?? new Map()) : null;
}

/** After a group, whatever became of it. */
export function closeScope(): void {
  scope = null;
}
