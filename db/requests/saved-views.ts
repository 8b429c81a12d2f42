import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { DuplicateError, RefusedError } from "@/lib/errors";
import { SAVED_VIEWS_MAX } from "@/lib/requests/saved-views";
import { db } from "../client";
import { savedQueueViews } from "../schema";

/** A staff member's saved queue views, oldest first (the order they were made in stays put). */
export function listSavedQueueViews(staffId: number) {
  return db
    .select({ id: savedQueueViews.id, name: savedQueueViews.name, query: savedQueueViews.query })
    .from(savedQueueViews)
    .where(eq(savedQueueViews.staffId, staffId))
    .orderBy(asc(savedQueueViews.id))
    .all();
}

/** The store refused a row its unique index already holds (another save won the race); drizzle wraps the driver's error. */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) if ((e as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") return true;
  return false;
}

/**
 * Saves a view for `staffId`. A name the member already uses (in any case) is refused on the name field; so is a
 * view past SAVED_VIEWS_MAX. Checked and written in one immediate transaction, so two saves at once take turns;
 * should the name index still refuse the row, that is the same duplicate name, never a bare constraint error.
 */
export function createSavedQueueView(staffId: number, name: string, query: string): { id: number } {
  try {
    return db.$client
      .transaction(() => {
        const mine = eq(savedQueueViews.staffId, staffId);
        const taken = db
          .select({ id: savedQueueViews.id })
          .from(savedQueueViews)
          .where(and(mine, sql`lower(${savedQueueViews.name}) = lower(${name})`))
          .get();
        if (taken) throw new DuplicateError("name");
        const held = db.select({ n: count() }).from(savedQueueViews).where(mine).get()?.n ?? 0;
        if (held >= SAVED_VIEWS_MAX) throw new RefusedError("too-many-views", "name");
        return db.insert(savedQueueViews).values({ staffId, name, query }).returning({ id: savedQueueViews.id }).get();
      })
      .immediate();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateError("name");
    throw error;
  }
}

/** Deletes one of `staffId`'s own views; another member's view (or one already gone) is left alone: false. */
export function deleteSavedQueueView(staffId: number, id: number): boolean {
  return (
    db
      .delete(savedQueueViews)
      .where(and(eq(savedQueueViews.id, id), eq(savedQueueViews.staffId, staffId)))
      .run().changes > 0
  );
}
