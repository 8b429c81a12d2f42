import Database from "better-sqlite3";

export type ReadOnlyStore = Database.Database;

/**
 * Opens a store read-only for the duration of `fn` (end-to-end tests use it to
 * check what the app under test wrote; the app stays the only writer).
 */
export function readStore<T>(file: string, fn: (db: ReadOnlyStore) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
