/**
 * The app's side of the store is asynchronous (db/README.md, "The domain operations"): a writer
 * thread or a PostgreSQL store will answer later, so callers await already. Today the operation
 * runs at once, synchronously and in its own transaction; a throw becomes a rejection.
 */
export function toAsync<A extends unknown[], R>(operation: (...args: A) => R): (...args: A) => Promise<R> {
  return async (...args: A) => operation(...args);
}
