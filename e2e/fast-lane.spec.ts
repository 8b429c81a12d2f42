// The production server answers the consent endpoints in its fast lane (lib/server/fast-lane.ts). Its writes must
// still go to the one writer thread, even when the lane makes the server's first write (the bundle that first asks
// for the writer decides whether there is one), and Next.js's routes must share that writer.
import { expect, test } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { crash, secondServer } from "./support/second-server";

const run = Date.now().toString(36);

test("the server's first write, made in the fast lane, starts the writer thread, and the event is stored once", async () => {
  const env = await secondServer("fast-lane");
  const server = await env.start();
  try {
    // The consent endpoints' own thread is up from the start; the writer waits for the first write.
    expect(server.output()).toContain("[lane] thread started");
    expect(server.output()).not.toContain("[writer] thread started");
    const event = {
      subject: { externalId: `lane-${run}`, jurisdiction: "EU" },
      purpose: "marketing_messages",
      event: "granted",
      channel: "email",
      idempotencyKey: `lane-${run}`,
    };
    const post = () =>
      fetch(`${server.baseUrl}/api/v1/consents`, {
        method: "POST",
        headers: { Authorization: `Bearer ${env.key}`, "Content-Type": "application/json" },
        body: JSON.stringify(event),
      });
    const first = await post();
    expect(first.status).toBe(201);
    expect(server.output()).toContain("[writer] thread started");
    expect((await post()).status).toBe(200);
    // A route Next.js serves reads what the lane's writer committed.
    const { subjectId } = (await first.json()) as { subjectId: string };
    const consents = await fetch(`${server.baseUrl}/api/v1/subjects/${subjectId}/consents`, {
      headers: { Authorization: `Bearer ${env.key}` },
    });
    expect(consents.status).toBe(200);
    const stored = readStore(env.store, (db) =>
      db.prepare("SELECT count(*) AS n FROM consent_events WHERE idempotency_key = ?").get(`lane-${run}`),
    );
    expect(stored).toEqual({ n: 1 });
  } finally {
    await crash(server);
    env.remove();
  }
});
