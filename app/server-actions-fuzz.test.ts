// Property tests for every server action: random, hostile and wrongly typed
// form fields never make an action throw (which would be a 500), and an action
// that answers with a refusal leaves every table as it was. The session, the
// request's headers and Next's cache/redirect helpers are stubbed; the
// actions, their schemas and the store are real (a small seeded store).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "actions-fuzz-"));
const file = path.join(dir, "candor.db");
process.env.DATABASE_PATH = file;
process.env.AUTH_SECRET = "fuzz-secret-fuzz-secret-fuzz-secret";
process.env.PREFERENCES_LINK_SECRET = "fuzz-link-secret";

class Redirected extends Error {}
const state = { staffId: 1, subject: null as unknown };
const staffUser = () => ({ id: state.staffId, email: "fuzz@northtrail.example", name: "Fuzz", role: "privacy_officer" });
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Redirected(to);
  },
  notFound: () => {
    throw new Redirected("404");
  },
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": `10.0.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}` }),
  cookies: async () => ({ get: () => undefined, has: () => false, set: () => {}, delete: () => {}, getAll: () => [] }),
}));
vi.mock("@/lib/server/session", async (original) => ({
  ...(await original<typeof import("@/lib/server/session")>()),
  requirePermission: async () => staffUser(),
  // The member's own pages (profile, two-step verification) ask who is signed in rather than for a permission.
  requireStaff: async () => staffUser(),
  getCurrentUser: async () => staffUser(),
}));
vi.mock("next-auth", () => ({
  AuthError: class AuthError extends Error {},
  CredentialsSignin: class CredentialsSignin extends Error {
    code = "credentials";
  },
}));
vi.mock("@/lib/server/auth", () => ({
  signIn: async () => {
    throw new Redirected("/admin");
  },
  signOut: async () => {},
  auth: async () => null,
}));
vi.mock("@/lib/server/preferences-session", async (original) => ({
  ...(await original<typeof import("@/lib/server/preferences-session")>()),
  getPreferencesSubject: async () => state.subject,
  startPreferencesSession: async () => {},
  endPreferencesSession: async () => {},
  setPendingCode: async () => {},
  getPendingCodeId: async () => null,
  clearPendingCode: async () => {},
}));

let rows: () => string;
type Action = (...args: unknown[]) => Promise<unknown>;
const modules: Record<string, Record<string, unknown>> = {};

beforeAll(async () => {
  execFileSync(
    process.execPath,
    [
      path.join("node_modules", "tsx", "dist", "cli.mjs"),
      "--conditions=react-server",
      "scripts/seed.ts",
      "--subjects",
      "300",
      "--events",
      "3000",
      "--db",
      file,
    ],
    { stdio: "ignore" },
  );
  const client = await import("@/db/client");
  const sql = client.db.$client;
  state.staffId = (sql.prepare("SELECT id FROM staff_users WHERE role = 'privacy_officer' ORDER BY id LIMIT 1").get() as { id: number }).id;
  const { getSubjectByUid } = await import("@/db/consent/consent");
  state.subject = getSubjectByUid(
    (sql.prepare("SELECT uid FROM subjects WHERE email IS NOT NULL AND is_minor = 0 ORDER BY id LIMIT 1").get() as { uid: string }).uid,
  );
  const tables = (
    sql
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('audit_log', 'sign_in_throttles', 'verification_codes', 'outbox', 'api_keys')",
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
  // Every table's row count; the audit log and throttles record refusals and attempts by design.
  rows = () => tables.map((t) => `${t}:${(sql.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n}`).join(",");
  const files = {
    staff: () => import("./(admin)/admin/staff/actions"),
    apiKeys: () => import("./(admin)/admin/api-keys/actions"),
    purposes: () => import("./(admin)/admin/purposes/actions"),
    notices: () => import("./(admin)/admin/purposes/[id]/notices/[locale]/actions"),
    request: () => import("./(admin)/admin/requests/[id]/actions"),
    intake: () => import("./(admin)/admin/requests/new/actions"),
    queueViews: () => import("./(admin)/admin/requests/view-actions"),
    bulk: () => import("./(admin)/admin/requests/bulk-actions"),
    messageTemplates: () => import("./(admin)/admin/requests/settings/messages/actions"),
    profile: () => import("./(admin)/admin/profile/actions"),
    twoFactor: () => import("./(admin)/admin/profile/two-factor/actions"),
    twoFactorRequirement: () => import("./(admin)/admin/settings/two-factor-actions"),
    receiptKey: () => import("./(admin)/admin/settings/receipt-key-actions"),
    acceptInvite: () => import("./(auth)/invite/[token]/actions"),
    policy: () => import("./(admin)/admin/requests/settings/actions"),
    brandSettings: () => import("./(admin)/admin/settings/actions"),
    shell: () => import("./(admin)/admin/actions"),
    preferences: () => import("./(public)/preferences/actions"),
    access: () => import("./(public)/preferences/access-actions"),
    subjectRequests: () => import("./(public)/preferences/requests/actions"),
    login: () => import("./(auth)/login/actions"),
    locale: () => import("./locale-action"),
  };
  for (const [name, load] of Object.entries(files)) modules[name] = (await load()) as Record<string, unknown>;
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const fieldNames = [
  "requestId",
  "purposeId",
  "staffId",
  "keyId",
  "id",
  "note",
  "reason",
  "type",
  "email",
  "name",
  "role",
  "password",
  "key",
  "purpose",
  "locale",
  "choice",
  "channel",
  "on",
  "code",
  "details",
  "confirm",
  "assigneeId",
  "jurisdiction",
  "intake",
  "externalId",
  "phone",
  "title",
  "fullText",
  "noticeVersion",
  "legalBasis",
  "comment",
  "guardianName",
  "origins",
  "kind",
  "unverifiedCloseDays",
  "appiTargetDays",
  "verify_access",
  "lang_EU",
  "lang_KR",
  "jurisdictions",
  "next",
  "version",
  "receivedAt",
  "lateReason",
  "query",
  // Bulk actions on the queue, message templates, the profile, two-step verification and staff invitations.
  "ids",
  "action",
  "subject",
  "greeting",
  "body",
  "signature",
  "event-new-request",
  "event-due-soon",
  "event-overdue",
  "event-review",
  "event-path-failing",
  "inviteId",
  "userId",
  "active",
  "required",
  "token",
  "ticket",
];
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "",
    "0",
    "-1",
    "1",
    "2",
    "999999999999",
    "1e309",
    "NaN",
    "true",
    "on",
    "off",
    "yes",
    "en",
    "ko",
    "xx",
    "access",
    "granted",
    "email",
    "admin",
    "__proto__",
    "<b>x</b>",
    "'; DROP TABLE subjects; --",
    "assign",
    "extend",
    "reject-duplicates",
    "immediate",
    "digest",
    "request-received",
    "{code}",
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    "\u0000",
    "x".repeat(10_000),
  ),
  fc.integer({ min: -5, max: 400 }).map(String),
);
const form = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...fieldNames), fc.string({ maxLength: 12 })), nasty), { maxLength: 14 })
  .map((pairs) => {
    const f = new FormData();
    for (const [k, v] of pairs) f.append(k, v);
    return f;
  });

// A well-formed start for actions whose forms random fields seldom complete (a bulk action needs its kind, ids and
// the confirmation), with random fields after it, so the fuzzing also reaches what runs past validation.
const shapes: Record<string, Record<string, string>[]> = {
  bulk: [
    { action: "assign", confirm: "yes", ids: "1" },
    { action: "extend", confirm: "yes", ids: "2", reason: "Complex request" },
    { action: "reject-duplicates", confirm: "yes", ids: "3", reason: "Same as an earlier one" },
  ],
  messageTemplates: [{ kind: "request-extended", locale: "ko", subject: "s", body: "{reason} {due}" }],
  profile: [{ locale: "ja", "event-overdue": "digest" }],
  acceptInvite: [{ token: "A".repeat(43), password: "long enough password", confirm: "long enough password" }],
  receiptKey: [{ intent: "rotate-receipt-key" }],
};
const shaped = (name: string) =>
  shapes[name]
    ? fc.tuple(fc.constantFrom(...shapes[name]), form).map(([base, rest]) => {
        const f = new FormData();
        for (const [k, v] of Object.entries(base)) f.append(k, v);
        for (const [k, v] of rest.entries()) f.append(k, v);
        return f;
      })
    : form;

// Actions whose input got past the session check at least once: the stubs must let the fuzzing reach validation.
const reached = new Set<string>();

describe("every server action under random input", () => {
  it("finds the actions", () => {
    const count = Object.values(modules).flatMap((m) => Object.values(m).filter((v) => typeof v === "function")).length;
    expect(count).toBeGreaterThanOrEqual(30);
  });

  for (const name of [
    "staff",
    "apiKeys",
    "purposes",
    "notices",
    "request",
    "intake",
    "queueViews",
    "bulk",
    "messageTemplates",
    "profile",
    "twoFactor",
    "twoFactorRequirement",
    "receiptKey",
    "acceptInvite",
    "policy",
    "brandSettings",
    "shell",
    "preferences",
    "access",
    "subjectRequests",
    "login",
    "locale",
  ]) {
    it(`${name}: never throws, and a refusal writes nothing`, async () => {
      for (const [exported, fn] of Object.entries(modules[name])) {
        if (typeof fn !== "function") continue;
        await fc.assert(
          fc.asyncProperty(fc.oneof(form, shaped(name)), async (f) => {
            const before = rows();
            let result: unknown;
            try {
              result = await (fn as Action)(...(fn.length >= 2 ? [{ ok: true }, f] : [f]));
            } catch (error) {
              if (error instanceof Redirected) return;
              throw new Error(`${name}.${exported} threw: ${error instanceof Error ? error.message : String(error)}`);
            }
            const code = (result as { formError?: string } | null)?.formError;
            if (code !== "signed-out" && code !== "forbidden") reached.add(`${name}.${exported}`);
            const refused =
              typeof result === "object" &&
              result !== null &&
              ((result as { ok?: boolean }).ok === false || "formError" in result || "fieldErrors" in result || "error" in result);
            if (refused) expect(rows(), `${name}.${exported} refused but wrote`).toBe(before);
          }),
          { numRuns: 40 },
        );
        if (!["signOutAction", "startOverAction"].includes(exported))
          expect(reached.has(`${name}.${exported}`), `${name}.${exported} never got past the session check`).toBe(true);
      }
    });
  }
});
