import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../testing/temp-db";

const temp = createTempDatabase("codes");
process.env.DATABASE_PATH = temp.file;

let q: typeof import("./verification-codes");
beforeAll(async () => {
  q = await import("./verification-codes");
});
afterAll(() => temp.cleanup());

const inTenMinutes = () => new Date(Date.now() + 600_000);

describe("preference center codes", () => {
  it("counts at most maxAttempts tries, then refuses to count more", () => {
    const c = q.createPreferencesCode({ subjectId: null, codeHash: "h", expiresAt: inTenMinutes(), maxAttempts: 5 });
    const counts = Array.from({ length: 7 }, () => q.countCodeAttempt(c.id, new Date())?.attempts);
    expect(counts).toEqual([1, 2, 3, 4, 5, undefined, undefined]);
    expect(q.getPreferencesCode(c.id)?.attempts).toBe(5);
  });

  it("does not count tries against an expired or used code", () => {
    const expired = q.createPreferencesCode({ subjectId: null, codeHash: "h", expiresAt: new Date(Date.now() - 1), maxAttempts: 5 });
    expect(q.countCodeAttempt(expired.id, new Date())).toBeUndefined();
    const used = q.createPreferencesCode({ subjectId: null, codeHash: "h", expiresAt: inTenMinutes(), maxAttempts: 5 });
    expect(q.consumeCode(used.id, new Date())).toBe(true);
    expect(q.consumeCode(used.id, new Date())).toBe(false);
    expect(q.countCodeAttempt(used.id, new Date())).toBeUndefined();
  });
});
