import fs from "node:fs";
import path from "node:path";
import { createHmac } from "node:crypto";
import { readStore, type ReadOnlyStore } from "../../db/testing/read-store";
import { expect, type Browser, type Page } from "@playwright/test";
import { e2eDatabasePath } from "./paths";
import { pageAs } from "./auth";

// Test-only: reads the seeded e2e store, read-only, to pick subjects and check
// what the app wrote. Nothing here writes; the app under test is the only writer.
function read<T>(fn: (db: ReadOnlyStore) => T): T {
  return readStore(e2eDatabasePath(), fn);
}

export type DemoSubject = { id: number; uid: string; email: string; locale: string };
export type DemoPurpose = { key: string; title: string };

/** The n-th subject matching the filter who has a consent on and another off, so both directions can be tried. */
export function pickSubject(
  n: number,
  f: { jurisdiction: string; locale: string; minor?: boolean },
): DemoSubject & { on: DemoPurpose; off: DemoPurpose } {
  return read((db) => {
    const now = Date.now();
    const subjects = db
      .prepare(
        "SELECT id, uid, email, locale FROM subjects WHERE jurisdiction = ? AND locale = ? AND is_minor = ? AND email IS NOT NULL ORDER BY id",
      )
      .all(f.jurisdiction, f.locale, f.minor ? 1 : 0) as DemoSubject[];
    const title = db.prepare(
      "SELECT v.title FROM notice_versions v JOIN notices n ON n.id = v.notice_id JOIN purposes p ON p.id = n.purpose_id WHERE p.key = ? AND n.locale = ? AND v.status = 'published'",
    );
    const states = db.prepare(
      `SELECT p.key, p.channels, p.sale_or_sharing AS sale, p.material_change_at AS changed, cs.state, cs.decided_at AS decided, cs.expires_at AS expires
       FROM purposes p LEFT JOIN consent_state cs ON cs.purpose_id = p.id AND cs.subject_id = ?
       WHERE p.status = 'active' AND p.legal_basis = 'consent' AND p.key NOT LIKE 'e2e%' ORDER BY p.id`,
    );
    const found: (DemoSubject & { on: DemoPurpose; off: DemoPurpose })[] = [];
    for (const s of subjects) {
      const rows = states.all(s.id) as {
        key: string;
        channels: string;
        sale: number;
        changed: number | null;
        state: string | null;
        decided: number;
        expires: number | null;
      }[];
      const on = rows.find(
        (r) =>
          r.state === "granted" &&
          (r.expires === null || r.expires > now) &&
          (r.changed === null || r.decided > r.changed) &&
          JSON.parse(r.channels).length > 0,
      );
      const off = rows.find((r) => r.state !== "granted" && !r.sale && r.key !== on?.key);
      if (!on || !off) continue;
      const t = (key: string) => (title.get(key, f.locale) as { title: string } | undefined)?.title ?? key;
      found.push({ ...s, on: { key: on.key, title: t(on.key) }, off: { key: off.key, title: t(off.key) } });
      if (found.length > n) return found[n];
    }
    throw new Error(`fewer than ${n + 1} subjects in ${f.jurisdiction}/${f.locale} fit`);
  });
}

/** How many ledger events a subject has, and their latest one. */
export function ledgerOf(subjectId: number) {
  return read((db) => ({
    count: (db.prepare("SELECT count(*) AS n FROM consent_events WHERE subject_id = ?").get(subjectId) as { n: number }).n,
    latest: db
      .prepare(
        "SELECT e.id, e.event, e.source, e.guardian_name AS guardianName, e.gpc, p.key FROM consent_events e JOIN purposes p ON p.id = e.purpose_id WHERE e.subject_id = ? ORDER BY e.id DESC LIMIT 1",
      )
      .get(subjectId) as { id: number; event: string; source: string; guardianName: string | null; gpc: number; key: string },
  }));
}

export function stateOf(subjectId: number, key: string): string | undefined {
  return choiceOf(subjectId, key)?.state;
}

/** A subject who has granted a purpose (still in force), to see a signal or a change take it away. */
export function subjectWithGrant(key: string, jurisdiction: string, locale: string): DemoSubject {
  return read(
    (db) =>
      db
        .prepare(
          `SELECT s.id, s.uid, s.email, s.locale FROM subjects s JOIN consent_state cs ON cs.subject_id = s.id JOIN purposes p ON p.id = cs.purpose_id
           WHERE p.key = ? AND s.jurisdiction = ? AND s.locale = ? AND s.is_minor = 0 AND cs.state = 'granted' AND (cs.expires_at IS NULL OR cs.expires_at > ?) AND s.email IS NOT NULL
           ORDER BY s.id LIMIT 1`,
        )
        .get(key, jurisdiction, locale, Date.now()) as DemoSubject,
  );
}

/** The code in the newest preference-center message to an address, read from the store. */
export function latestCodeFromStore(email: string): string {
  const row = read((db) =>
    db.prepare("SELECT body FROM outbox WHERE to_address = ? AND kind = 'preferences-code' ORDER BY id DESC LIMIT 1").get(email),
  ) as { body: string } | undefined;
  const code = row?.body.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error("no preference code in the outbox");
  return code;
}

const kindNames = { "preferences-code": "Privacy choices sign-in code", "request-code": "Request verification code" } as const;

/** Reads the code as a privacy officer would, in the admin outbox viewer (the newest message of that kind). */
export async function latestCodeFromOutbox(
  browser: Browser,
  email: string,
  kind: "preferences-code" | "request-code" = "preferences-code",
): Promise<string> {
  const officer = await pageAs(browser, "privacy_officer");
  await officer.goto(`/admin/outbox?${new URLSearchParams({ to: email, kind })}`);
  // The viewer names the kind in the officer's language, not by its code.
  const message = officer.getByTestId("outbox-message").first();
  await expect(message).toContainText(kindNames[kind]);
  await message.locator("summary").click();
  const body = await message.locator("pre").innerText();
  await officer.context().close();
  const code = body.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error("no code in the outbox message");
  return code;
}

/** A link as the brand's own site would make it, with the secret the e2e server generated. */
export function signedLink(sid: string, exp: number, secret = linkSecret()): string {
  const sig = createHmac("sha256", secret).update(`${sid}.${exp}`).digest("base64url");
  return `/preferences/link?${new URLSearchParams({ sid, exp: String(exp), sig })}`;
}

export function linkSecret(): string {
  return fs.readFileSync(path.join(path.dirname(e2eDatabasePath()), "preferences-link-secret"), "utf8").trim();
}

/** Opens a subject's preference center through a fresh signed link. */
export async function openWithLink(page: Page, uid: string): Promise<void> {
  // The server creates its link secret on first use; a malformed link makes sure it exists.
  await page.request.get("/preferences/link");
  await page.goto(signedLink(uid, Math.floor(Date.now() / 1000) + 600));
  await expect(page).toHaveURL(/\/preferences$/);
  await expect(page.getByRole("switch").first()).toBeVisible();
}

/** A purpose's published notice title in a locale. */
export function purposeTitle(key: string, locale: string): string {
  return read(
    (db) =>
      db
        .prepare(
          "SELECT v.title FROM notice_versions v JOIN notices n ON n.id = v.notice_id JOIN purposes p ON p.id = n.purpose_id WHERE p.key = ? AND n.locale = ? AND v.status = 'published'",
        )
        .get(key, locale) as { title: string },
  ).title;
}

/** The GPC flag and state of a subject's choice about a purpose. */
export function choiceOf(subjectId: number, key: string): { state: string; gpc: number } | undefined {
  return read((db) =>
    db
      .prepare(
        "SELECT cs.state, cs.gpc FROM consent_state cs JOIN purposes p ON p.id = cs.purpose_id WHERE cs.subject_id = ? AND p.key = ?",
      )
      .get(subjectId, key),
  ) as { state: string; gpc: number } | undefined;
}

/** How many consent-based purposes a subject currently has granted. */
export function grantedCount(subjectId: number): number {
  return read(
    (db) =>
      (
        db
          .prepare(
            "SELECT count(*) AS n FROM consent_state cs JOIN purposes p ON p.id = cs.purpose_id WHERE cs.subject_id = ? AND cs.state = 'granted' AND p.legal_basis = 'consent' AND p.status = 'active'",
          )
          .get(subjectId) as { n: number }
      ).n,
  );
}
