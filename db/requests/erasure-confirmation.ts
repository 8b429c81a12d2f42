import { localDay } from "@/lib/requests/deadlines";
import { subjectMessage } from "@/lib/requests/subject-messages";
import { templateLocale } from "@/lib/messages/templates/render";
import { currentTemplate } from "../messages/templates";
import type { OutboxKind } from "@/lib/outbox/vocabulary";
import type { Db } from "../connection";
import { defaultRetention } from "../ops/retention";

/** Where and in which language the person is told their erasure is done. */
export type ErasureRecipient = { address: string; locale: string };

/**
 * Read before the erasure removes it: the subject's email and language, else the contact
 * address staff took down on the request (in English). Null when there is nobody to write to.
 */
export function erasureRecipient(db: Db, subjectId: number | null, requestDetails: string | null): ErasureRecipient | null {
  const s = subjectId
    ? (db.$client.prepare("SELECT email, locale FROM subjects WHERE id = ?").get(subjectId) as
        { email: string | null; locale: string } | undefined)
    : undefined;
  if (s?.email) return { address: s.email, locale: s.locale };
  try {
    const d = JSON.parse(requestDetails ?? "{}") as { email?: unknown };
    return typeof d.email === "string" && d.email ? { address: d.email, locale: s?.locale ?? "en" } : null;
  } catch {
    return null;
  }
}

export type ErasureBrand = { name: string; contact: string; timeZone: string };

/**
 * Queues the confirmation of an erasure (GDPR Art. 12(3); CCPA §7022, saying the request is
 * kept on record as §7101 asks): what was erased, what is kept and for how long. Call it after
 * eraseSubject, which deletes every message to the person. The message is linked to the request
 * only, and marked scrub_address, so the dispatcher replaces the address once it is sent or has
 * failed for good. Runs in the caller's transaction; returns the message id.
 */
export function queueErasureConfirmation(
  db: Db,
  request: { id: number; ref: string; receivedAt: Date },
  to: ErasureRecipient,
  brand: ErasureBrand,
): number {
  const received = localDay(request.receivedAt, brand.timeZone);
  const kind = "request-erased" satisfies OutboxKind;
  const locale = templateLocale(to.locale);
  const m = subjectMessage(
    kind,
    locale,
    { ref: request.ref, brand: brand.name, received, months: defaultRetention.requestRecordMonths, contact: brand.contact },
    currentTemplate(db, kind, locale),
  );
  const row = db.$client
    .prepare(
      `INSERT INTO outbox (subject_id, request_id, to_address, kind, locale, subject_line, body, status, scrub_address, created_at)
       VALUES (NULL, ?, ?, ?, ?, ?, ?, 'pending', 1, ?) RETURNING id`,
    )
    .get(request.id, to.address, kind, m.locale, m.subjectLine, m.body, Date.now()) as { id: number };
  return row.id;
}
