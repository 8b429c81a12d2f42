import type { Db } from "./connection";

/**
 * What is built once per connection and kept: statements a hot path runs on every call (a page read on every request,
 * the ledger's and the outbox's writes). Building a query and compiling its SQL each time cost the preference center
 * ~7% of the request thread (issue 22); a prepared statement belongs to the connection that compiled it, so each
 * connection (the server's, the read-only one, the writer thread's) gets its own.
 */
export function perConnection<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db["$client"], T>();
  return (db) => {
    let value = built.get(db.$client);
    if (value === undefined) built.set(db.$client, (value = build(db)));
    return value;
  };
}
