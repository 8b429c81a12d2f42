import "server-only";
import { openDatabase, type Db } from "./connection";

const globalForDb = globalThis as unknown as { candorDb?: Db };

/** The one connection of this server process (kept across hot reloads in development). */
export const db: Db = globalForDb.candorDb ?? openDatabase();
if (process.env.NODE_ENV !== "production") globalForDb.candorDb = db;
