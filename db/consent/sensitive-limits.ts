import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "../client";
import { purposes, sensitiveLimits, subjectRequests } from "../schema";

/** A person's standing limit on their sensitive personal information (CCPA §7027), with the request behind it. */
export type SensitiveLimitView = { limitedAt: Date; requestRef: string };

/** The person's standing limit, if they made one (set by db/requests/limit.ts when a limit request is applied). */
export function getSensitiveLimit(subjectId: number): SensitiveLimitView | undefined {
  return db
    .select({ limitedAt: sensitiveLimits.limitedAt, requestRef: subjectRequests.ref })
    .from(sensitiveLimits)
    .innerJoin(subjectRequests, eq(subjectRequests.id, sensitiveLimits.requestId))
    .where(eq(sensitiveLimits.subjectId, subjectId))
    .get();
}

/** The active purposes a limit stops: those flagged as using sensitive data beyond §7027(m). */
export function listLimitablePurposes(): { id: number; key: string; name: string; legalBasis: string }[] {
  return db
    .select({ id: purposes.id, key: purposes.key, name: purposes.name, legalBasis: purposes.legalBasis })
    .from(purposes)
    .where(and(eq(purposes.status, "active"), eq(purposes.sensitiveBeyondPermitted, true)))
    .all();
}
