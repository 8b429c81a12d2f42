import "server-only";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { db } from "../client";
import { subjects, verificationCodes } from "../schema";

export type VerificationCode = typeof verificationCodes.$inferSelect;

/**
 * Stores a hashed one-time code for the preference center. A code with no
 * subject is a decoy for an unknown email: it can be tried and locked like a
 * real one, but nothing can ever match it.
 */
export function createPreferencesCode(v: {
  subjectId: number | null;
  codeHash: string;
  expiresAt: Date;
  maxAttempts: number;
}): VerificationCode {
  return db
    .insert(verificationCodes)
    .values({ purpose: "preferences", ...v })
    .returning()
    .get();
}

export function getPreferencesCode(id: number): VerificationCode | undefined {
  return db
    .select()
    .from(verificationCodes)
    .where(and(eq(verificationCodes.id, id), eq(verificationCodes.purpose, "preferences")))
    .get();
}

/**
 * Counts one try against a code, atomically, before the code is compared: a
 * code out of tries, used or expired is not counted and comes back undefined.
 */
export function countCodeAttempt(id: number, now: Date): VerificationCode | undefined {
  return db
    .update(verificationCodes)
    .set({ attempts: sql`${verificationCodes.attempts} + 1` })
    .where(
      and(
        eq(verificationCodes.id, id),
        eq(verificationCodes.purpose, "preferences"),
        isNull(verificationCodes.consumedAt),
        lt(verificationCodes.attempts, verificationCodes.maxAttempts),
        sql`${verificationCodes.expiresAt} > ${now.getTime()}`,
      ),
    )
    .returning()
    .get();
}

/** Marks a code used; false when another request used it first. */
export function consumeCode(id: number, now: Date): boolean {
  const r = db
    .update(verificationCodes)
    .set({ consumedAt: now })
    .where(and(eq(verificationCodes.id, id), isNull(verificationCodes.consumedAt)))
    .run();
  return r.changes === 1;
}

/** The public uid of the subject a code was sent to; undefined for a decoy. */
export function subjectUidOfCode(id: number): string | undefined {
  return db
    .select({ uid: subjects.uid })
    .from(verificationCodes)
    .innerJoin(subjects, eq(subjects.id, verificationCodes.subjectId))
    .where(eq(verificationCodes.id, id))
    .get()?.uid;
}
