import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { auditValue, describeChange, fieldChanges, type RectifyInput } from "@/lib/requests/rectification";
import { systemNote } from "@/lib/requests/system-notes";
import { correctionsOfHeldValues } from "@/lib/propagation/held-data";
import { db } from "../client";
import { appendAuditEntry } from "../staff/audit-chain";
import { recordSubjectEvent } from "../propagation/record";
import { ConflictError, DuplicateError } from "@/lib/errors";
import { requestEvents, subjects } from "../schema";
import { loadRequest } from "./workflow";
import type { Actor } from "../staff/staff";

/**
 * Corrects the subject's details for a verified rectification request, in one
 * transaction: the subject row, a timeline entry per field with the values
 * (erased with the subject), and an audit entry per field whose personal
 * values are fingerprints, since the audit log outlives an erasure. The
 * recipients holding the corrected fields are told (subject.rectified, GDPR
 * Art. 19) in the same transaction.
 */
export function rectifySubject(input: RectifyInput, actor: Actor): number {
  return db.$client
    .transaction(() => {
      const r = loadRequest(input.requestId);
      if (r.type !== "rectification") throw new ConflictError("not-rectification");
      if (r.status !== "in_progress") throw new ConflictError("wrong-status");
      if (!r.subjectId) throw new ConflictError("no-subject");
      const s = db.select().from(subjects).where(eq(subjects.id, r.subjectId)).get();
      if (!s) throw new ConflictError("no-subject");
      const changes = fieldChanges(
        { name: s.name, email: s.email, phone: s.phone, locale: s.locale },
        { name: input.name, email: input.email, phone: input.phone, locale: input.locale },
      );
      if (changes.length === 0) throw new ConflictError("no-change");
      if (
        input.email &&
        changes.some((c) => c.field === "email") &&
        db
          .select({ id: subjects.id })
          .from(subjects)
          .where(and(eq(subjects.email, input.email), ne(subjects.id, s.id)))
          .get()
      )
        throw new DuplicateError("email");
      const at = new Date();
      // Before the update: each delivery names the person by the identifiers its recipient holds, the old ones.
      // Only values someone can hold: a field empty until now was never sent anywhere.
      const held = correctionsOfHeldValues(changes);
      if (held.length > 0)
        recordSubjectEvent(
          db,
          { subjectId: s.id, type: "subject.rectified", data: { changes: held }, requestId: r.id, occurredAt: at },
          at.getTime(),
        );
      db.update(subjects)
        .set({ name: input.name, email: input.email, phone: input.phone, locale: input.locale, updatedAt: at })
        .where(eq(subjects.id, s.id))
        .run();
      for (const c of changes) {
        db.insert(requestEvents)
          .values({ requestId: r.id, at, actorId: actor.id, kind: "note", note: systemNote("corrected", { change: describeChange(c) }) })
          .run();
        appendAuditEntry(db, {
          actorId: actor.id,
          actorLabel: actor.email,
          action: "subject.rectify",
          targetType: "request",
          targetId: r.ref,
          at,
          details: { field: c.field, before: auditValue(c.field, c.before), after: auditValue(c.field, c.after) },
        });
      }
      return changes.length;
    })
    .immediate();
}
