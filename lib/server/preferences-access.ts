import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { CODE_TTL_MS, codeMatches, codeStatus, generateCode, hashCode, MAX_CODE_ATTEMPTS } from "@/lib/preferences/code";
import { takeRequest } from "@/lib/preferences/rate-limit";
import { preferencesCodeMessage } from "@/lib/messages/preferences-code";
import { isLocale } from "@/lib/i18n/config";
import { getSubjectByEmail, getSubjectByUid, type Subject } from "@/db/consent";
import { consumeCode, countCodeAttempt, createPreferencesCode, enqueueMessage, getPreferencesCode, subjectUidOfCode } from "@/db/requests";
import { getBrandSettings, getThrottle, saveThrottle } from "@/db/staff";
import { preferencesKey } from "./preferences-secrets";
import { clearPendingCode, getPendingCodeId, setPendingCode } from "./preferences-session";

// Throttle rows are keyed by a keyed hash, so the store holds no email, nor one a dump could confirm by guessing.
const throttleKey = (email: string) => `preferences-code:${createHmac("sha256", preferencesKey("code")).update(email).digest("hex")}`;

/**
 * Sends a one-time code if the email belongs to a subject, and behaves the
 * same way when it does not: a decoy code is stored either way, so neither
 * the answer nor the later tries tell anyone whether the address is known.
 */
export async function requestPreferencesCode(email: string): Promise<{ ok: true } | { ok: false; retryMinutes: number }> {
  const now = Date.now();
  const key = throttleKey(email);
  const verdict = takeRequest(await getThrottle(key), now);
  if (!verdict.allowed) return { ok: false, retryMinutes: Math.max(1, Math.ceil(verdict.retryAfterMs / 60_000)) };
  await saveThrottle(key, verdict.next);
  const subject = await getSubjectByEmail(email);
  const code = generateCode();
  const codeKey = preferencesKey("code");
  const row = await createPreferencesCode({
    subjectId: subject?.id ?? null,
    codeHash: subject ? hashCode(codeKey, code) : hashCode(codeKey, randomBytes(32).toString("hex")),
    expiresAt: new Date(now + CODE_TTL_MS),
    maxAttempts: MAX_CODE_ATTEMPTS,
  });
  if (subject?.email) {
    const locale = isLocale(subject.locale) ? subject.locale : "en";
    const message = preferencesCodeMessage(locale, {
      brand: (await getBrandSettings())?.name ?? "Candor",
      name: subject.name,
      code,
      minutes: CODE_TTL_MS / 60_000,
    });
    await enqueueMessage({
      toAddress: subject.email,
      kind: "preferences-code",
      locale,
      subjectLine: message.subjectLine,
      body: message.body,
      subjectId: subject.id,
    });
  }
  await setPendingCode(row.id);
  return { ok: true };
}

export type CodeOutcome =
  { status: "ok"; subject: Subject } | { status: "wrong"; attemptsLeft: number } | { status: "locked" | "expired" | "used" | "no-code" };

/** Checks the code this browser is waiting for; every try counts, right or wrong. */
export async function verifyPreferencesCode(code: string): Promise<CodeOutcome> {
  const id = await getPendingCodeId();
  if (id === null) return { status: "no-code" };
  const now = new Date();
  const row = await countCodeAttempt(id, now);
  if (!row) {
    const stored = await getPreferencesCode(id);
    if (!stored) return { status: "no-code" };
    const status = codeStatus(
      { ...stored, expiresAt: stored.expiresAt.getTime(), consumedAt: stored.consumedAt?.getTime() ?? null },
      now.getTime(),
    );
    return { status: status === "usable" ? "locked" : status };
  }
  const matches = row.subjectId !== null && codeMatches(preferencesKey("code"), code, row.codeHash);
  if (!matches) {
    const attemptsLeft = row.maxAttempts - row.attempts;
    return attemptsLeft > 0 ? { status: "wrong", attemptsLeft } : { status: "locked" };
  }
  if (!(await consumeCode(id, now))) return { status: "used" };
  const uid = await subjectUidOfCode(id);
  const subject = uid ? await getSubjectByUid(uid) : undefined;
  if (!subject) return { status: "no-code" };
  await clearPendingCode();
  return { status: "ok", subject };
}
