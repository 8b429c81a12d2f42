import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, like } from "drizzle-orm";
import type { BulkInput, BulkOutcome, BulkResult } from "@/lib/requests/bulk";
import { systemNote, systemNoteOf } from "@/lib/requests/system-notes";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { db } from "../client";
import { requestEvents, staffUsers, subjectRequests, type SubjectRequest } from "../schema";
import type { Actor } from "../staff/staff";
import { extendRequest, loadRequest, logRequestEvent, denyRequest } from "./workflow";

/**
 * One action on many requests, all in one write transaction with each request in its own savepoint: a request
 * the rules refuse (a law with no extension, a closed request) is rolled back alone and listed with the reason,
 * the others are changed; anything unexpected rolls the whole bulk back, so no request is ever half-written.
 * Extensions and rejections go through the single-request functions, so each request is checked against its own
 * law exactly as on its page, and the person is told as they would be. Each changed request's timeline gets a
 * note naming the bulk action and its size, and the audit log one entry per request (its own trail, found by its
 * reference) carrying the bulk's id and size, so one bulk reads as a whole by that id.
 */
export function applyBulkAction(input: BulkInput, actor: Actor): BulkResult {
  const bulk = { id: randomUUID(), count: input.ids.length, action: input.action };
  return db.$client
    .transaction((): BulkResult => {
      const rows = db
        .select({ id: subjectRequests.id, ref: subjectRequests.ref })
        .from(subjectRequests)
        .where(inArray(subjectRequests.id, input.ids))
        .orderBy(asc(subjectRequests.dueAt), asc(subjectRequests.id))
        .all();
      if (rows.length !== input.ids.length) throw new NotFoundError("request");
      const step = stepFor(input, actor, bulk);
      const done: BulkOutcome[] = [];
      const refused: BulkOutcome[] = [];
      for (const row of rows) {
        try {
          db.$client.transaction(() => step(row.id))();
          done.push(row);
        } catch (error) {
          if (!(error instanceof ConflictError || error instanceof NotFoundError)) throw error;
          refused.push({ ...row, reason: error instanceof ConflictError ? error.code : "not-found" });
        }
      }
      return { action: input.action, done, refused };
    })
    .immediate();
}

type Bulk = { id: string; count: number; action: BulkInput["action"] };

/** The bulk's own timeline row on a request, audited with the bulk's id and size. */
function markBulk(r: SubjectRequest, actor: Actor, bulk: Bulk, kind: "note" | "assignment", note: string, details = {}) {
  logRequestEvent(r, actor, {
    kind,
    action: `request.bulk.${bulk.action}`,
    note,
    details: { bulk: bulk.id, of: bulk.count, ...details },
  });
}

/** What the action does to one request, inside that request's savepoint. */
function stepFor(input: BulkInput, actor: Actor, bulk: Bulk): (id: number) => void {
  switch (input.action) {
    case "assign": {
      const staff = input.assigneeId === "none" ? null : activeOfficer(input.assigneeId);
      return (id) => {
        const r = loadRequest(id);
        db.update(subjectRequests)
          .set({ assigneeId: staff?.id ?? null })
          .where(eq(subjectRequests.id, id))
          .run();
        const note = staff
          ? systemNote("bulk-assigned", { name: staff.name, count: bulk.count })
          : systemNote("bulk-unassigned", { count: bulk.count });
        markBulk(r, actor, bulk, "assignment", note, { assigneeId: staff?.id ?? null, assignee: staff?.email ?? null });
      };
    }
    case "note":
      return (id) => markBulk(loadRequest(id), actor, bulk, "note", systemNote("bulk-note", { note: input.note, count: bulk.count }));
    case "extend":
      return (id) => {
        const r = extendRequest(id, input.reason, actor);
        markBulk(r, actor, bulk, "note", systemNote("bulk-extended", { count: bulk.count }));
      };
    case "reject-duplicates":
      return (id) => {
        const original = duplicateOf(id);
        // A duplicate is denied as "other", the officer's reason kept as the note the person is told (§7102 counts it so).
        const r = denyRequest(id, { denialReason: "other", note: input.reason }, actor);
        const note = original
          ? systemNote("bulk-rejected-duplicate-of", { ref: original, count: bulk.count })
          : systemNote("bulk-rejected-duplicate", { count: bulk.count });
        markBulk(r, actor, bulk, "note", note, { duplicateOf: original });
      };
  }
}

/** Assignees are active privacy officers, as on a request's page; anyone else refuses the whole bulk before it starts. */
function activeOfficer(id: number) {
  const staff = db
    .select({ id: staffUsers.id, name: staffUsers.name, email: staffUsers.email })
    .from(staffUsers)
    .where(and(eq(staffUsers.id, id), eq(staffUsers.active, true), eq(staffUsers.role, "privacy_officer")))
    .get();
  if (!staff) throw new ConflictError("assignee-invalid");
  return staff;
}

/** The earlier request intake found this one to repeat (its "possible duplicate of …" note), if any. */
export function duplicateOf(requestId: number): string | null {
  const notes = db
    .select({ note: requestEvents.note })
    .from(requestEvents)
    .where(and(eq(requestEvents.requestId, requestId), like(requestEvents.note, "possible duplicate of %")))
    .orderBy(asc(requestEvents.id))
    .all();
  for (const { note } of notes) {
    const parsed = note ? systemNoteOf(note) : null;
    if (parsed?.code === "possible-duplicate") return parsed.values.ref ?? null;
  }
  return null;
}
