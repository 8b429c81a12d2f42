// Threat: under everyday concurrency (the brand's systems ingesting, an officer working the
// queue, subjects filing requests, the expiry job) one writer's change overwrites another's
// or a caller gets a "database is locked" error: a consent count drifts from the ledger, a
// note or a status change is lost, or a grant expires twice. None of that may happen.
import { expect, test } from "@playwright/test";
import { openDatabase } from "../db/connection";
import { ConsentLedger } from "../db/consent/ledger/record";
import { checkStore } from "../db/ops/store-check";
import { readStore } from "../db/testing/read-store";
import { captureAction, replayAction, type CapturedAction } from "./support/actions";
import { signIn } from "./support/auth";
import { crash, secondServer } from "./support/second-server";
import { DAY_MS as DAY } from "../lib/time";

test.describe.configure({ timeout: 180_000 });

const run = Date.now().toString(36);
const SECONDS = 20;

test("ingest, staff actions, request intake and the expiry job run together for 20 s with no error and no lost update", async ({
  browser,
}) => {
  const env = await secondServer("writers");
  const server = await env.start();
  const context = await browser.newContext({ baseURL: server.baseUrl });
  const ledgerDb = openDatabase(env.store);
  try {
    const officer = await context.newPage();
    await signIn(officer, "privacy_officer");
    const api = (path: string, body: unknown) =>
      fetch(`${server.baseUrl}${path}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${env.key}`, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    const requestId = (ref: string) =>
      readStore(env.store, (db) => (db.prepare("SELECT id FROM subject_requests WHERE ref = ?").get(ref) as { id: number }).id);
    const fileRequest = async (n: number) => {
      const response = await api("/api/v1/requests", {
        type: "objection",
        subject: { email: `cw-${run}-${n}@example.com` },
        jurisdiction: "EU",
      });
      expect(response.status, "request intake").toBe(201);
      return ((await response.json()) as { ref: string }).ref;
    };

    // Capture the officer's "add note" and "reject" actions once through the page, to replay them at speed.
    const noteRef = await fileRequest(0);
    await officer.goto(`/admin/requests/${requestId(noteRef)}`);
    const noteForm = officer.getByRole("form", { name: "Add note" });
    await noteForm.getByLabel("Note").fill(`cw-${run}-note-probe`);
    const note: CapturedAction = await captureAction(officer, () => noteForm.getByRole("button").click());
    const rejectForm = officer.getByRole("form", { name: "Deny request" });
    await rejectForm.getByLabel("Reason for denial").selectOption("other");
    await rejectForm.getByRole("textbox").fill(`cw-${run} not ours to answer`);
    const reject: CapturedAction = await captureAction(officer, () => rejectForm.getByRole("button").click());
    await expect(officer.getByText("Rejected").first()).toBeVisible();

    // Other specs write to the store this one copies (a grant dated 2000-01-01, say): what was due before the run is not the run's to count.
    new ConsentLedger(ledgerDb).expire();
    const errors: string[] = [];
    const acked = { keys: [] as string[], notes: 0, rejected: [noteRef], filed: [noteRef], expiring: 0 };
    let expired = 0;
    const deadline = Date.now() + SECONDS * 1000;
    const loop = (name: string, body: (i: number) => Promise<void>) =>
      (async () => {
        for (let i = 0; Date.now() < deadline; i++)
          await body(i).catch(
            (error: unknown) => void errors.push(`${name} #${i}: ${error instanceof Error ? error.message : String(error)}`),
          );
      })();
    const ingest = (worker: number) =>
      loop(`ingest ${worker}`, async (i) => {
        const events = Array.from({ length: 20 }, (_, e) => {
          const expiring = e % 5 === 4; // grants whose 395-day validity runs out during the run
          return expiring
            ? {
                subject: { externalId: `cwx-${run}-${worker}-${i}-${e}`, jurisdiction: "EU" },
                purpose: "personalised_recommendations",
                event: "granted",
                occurredAt: new Date(Date.now() - 395 * DAY + 2_000).toISOString(),
                idempotencyKey: `cw-${run}-${worker}-${i}-${e}`,
              }
            : {
                subject: { externalId: `cw-${run}-${(i * 20 + e) % 120}`, jurisdiction: e % 2 ? "EU" : "KR" },
                purpose: "marketing_messages",
                event: (i + e) % 3 ? "granted" : "withdrawn",
                channel: "email",
                idempotencyKey: `cw-${run}-${worker}-${i}-${e}`,
              };
        });
        const response = await api("/api/v1/consents/batch", { events });
        if (response.status !== 200) throw new Error(`batch answered ${response.status}: ${await response.text()}`);
        acked.keys.push(...events.map((e) => e.idempotencyKey));
        acked.expiring += events.filter((e) => e.purpose === "personalised_recommendations").length;
      });
    const staffNotes = loop("note", async (i) => {
      const answer = await replayAction(officer, note, (body) => body.replace(`cw-${run}-note-probe`, `cw-${run}-note-${i}`));
      if (answer.status !== 200 || !answer.text.includes('"ok":true')) throw new Error(`note answered ${answer.status}`);
      acked.notes++;
    });
    const requests = loop("requests", async (i) => {
      const ref = await fileRequest(i + 1);
      acked.filed.push(ref);
      if (i % 2) return; // every other request stays open
      const id = requestId(ref);
      const answer = await replayAction(officer, reject, (body) => body.replace(/(name="[^"]*requestId"\r\n\r\n)\d+/, `$1${id}`));
      if (answer.status !== 200 || !answer.text.includes('"ok":true')) throw new Error(`reject answered ${answer.status}`);
      acked.rejected.push(ref);
    });
    // The daily expiry job, from another process and connection, every 250 ms.
    const expiry = loop("expiry", async () => {
      expired += new ConsentLedger(ledgerDb).expire();
      await new Promise((r) => setTimeout(r, 250));
    });
    await Promise.all([ingest(1), ingest(2), staffNotes, requests, expiry]);
    expired += new ConsentLedger(ledgerDb).expire(Date.now() + 60_000);

    console.log(
      `concurrent writers, ${SECONDS} s: ${acked.keys.length} events acknowledged, ${acked.notes} notes, ${acked.filed.length} requests filed, ${acked.rejected.length} rejected, ${expired} grants expired, ${errors.length} errors`,
    );
    expect(errors).toEqual([]);
    expect(acked.keys.length).toBeGreaterThan(200);
    expect(acked.notes).toBeGreaterThan(10);
    expect(acked.rejected.length).toBeGreaterThan(3);

    readStore(env.store, (db) => {
      // consent_state_totals equals a direct count over consent_state, group by group.
      const direct = db
        .prepare(
          "SELECT cs.purpose_id AS p, s.jurisdiction AS j, cs.state AS st, count(*) AS n FROM consent_state cs JOIN subjects s ON s.id = cs.subject_id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
        )
        .all();
      const totals = db
        .prepare(
          "SELECT purpose_id AS p, jurisdiction AS j, state AS st, count AS n FROM consent_state_totals WHERE count <> 0 ORDER BY 1, 2, 3",
        )
        .all();
      expect(totals).toEqual(direct);
      // Every acknowledged event stored exactly once.
      const copies = db
        .prepare("SELECT count(*) AS rows, count(DISTINCT idempotency_key) AS keys FROM consent_events WHERE idempotency_key LIKE ?")
        .get(`cw-${run}-%`) as { rows: number; keys: number };
      expect(copies).toEqual({ rows: acked.keys.length, keys: acked.keys.length });
      // Each expiring grant expired once: one "expired" event per grant, none left granted.
      const expiredEvents = db
        .prepare(
          "SELECT count(*) AS n FROM consent_events e JOIN subjects s ON s.id = e.subject_id WHERE s.external_id LIKE ? AND e.event = 'expired'",
        )
        .get(`cwx-${run}-%`) as { n: number };
      expect(expiredEvents.n).toBe(acked.expiring);
      expect(expired).toBe(acked.expiring);
      // Every note the officer was told was saved is there.
      const notes = db.prepare("SELECT count(*) AS n FROM request_events WHERE kind = 'note' AND note LIKE ?").get(`cw-${run}-note-%`) as {
        n: number;
      };
      expect(notes.n).toBe(acked.notes + 1);
      // Every request's status is the last status change on its timeline; each rejection logged once.
      for (const ref of acked.filed) {
        const r = db.prepare("SELECT id, status FROM subject_requests WHERE ref = ?").get(ref) as { id: number; status: string };
        const changes = db
          .prepare("SELECT to_status AS toStatus FROM request_events WHERE request_id = ? AND kind = 'status' ORDER BY id")
          .all(r.id) as { toStatus: string }[];
        expect(changes.at(-1)?.toStatus, ref).toBe(r.status);
        expect(changes.filter((c) => c.toStatus === "rejected").length, ref).toBe(acked.rejected.includes(ref) ? 1 : 0);
      }
    });
    const check = checkStore(env.store);
    expect(check.integrity && check.totalsMatch && check.audit.broken === null).toBe(true);
  } finally {
    ledgerDb.$client.close();
    await context.close();
    await crash(server);
    env.remove();
  }
});
