import "server-only";
import { eq } from "drizzle-orm";
import { db } from "../client";
import { signInThrottles } from "../schema";
import type { ThrottleState } from "@/lib/auth/throttle";

export function getThrottle(key: string): ThrottleState | null {
  const row = db.select().from(signInThrottles).where(eq(signInThrottles.key, key)).get();
  if (!row) return null;
  return {
    failures: row.failures,
    firstFailureAt: row.firstFailureAt.getTime(),
    lockedUntil: row.lockedUntil?.getTime() ?? null,
  };
}

export function saveThrottle(key: string, s: ThrottleState): void {
  const values = {
    failures: s.failures,
    firstFailureAt: new Date(s.firstFailureAt),
    lockedUntil: s.lockedUntil ? new Date(s.lockedUntil) : null,
  };
  db.insert(signInThrottles)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: signInThrottles.key, set: values })
    .run();
}

export function clearThrottle(key: string): void {
  db.delete(signInThrottles).where(eq(signInThrottles.key, key)).run();
}
