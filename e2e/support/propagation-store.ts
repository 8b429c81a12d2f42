import { openDatabase } from "../../db/connection";
import { DAY_MS } from "../../lib/time";
import { insertDelivery, insertPath, insertRecipient, insertRequest } from "../../db/testing/propagation-fixtures";

export type PropagationScene = {
  run: string;
  /** Has a working webhook; an erasure unconfirmed for ten days; three parked consent changes, the second overtaken by the third. */
  parkside: { id: number; name: string; parked: { id: number; uid: string }[]; requestId: number; requestRef: string };
  /** Its only path, a webhook, answered 410 Gone. */
  gone: { id: number; name: string };
};

/**
 * Writes a propagation scene into a store no server holds yet (a second server's copy, e2e/support/second-server.ts):
 * recipients, paths and deliveries in states that take days to reach for real (parked after 72 hours of retries,
 * unconfirmed for ten days), with names of this run only, so the spec finds its own rows among the seeded ones.
 */
export function writePropagationScene(store: string): PropagationScene {
  const run = Date.now().toString(36);
  const db = openDatabase(store);
  try {
    const now = Date.now();
    const purpose = db.$client.prepare("SELECT id FROM purposes WHERE key = 'marketing_messages'").pluck().get() as number;
    const maxSubject = db.$client.prepare("SELECT COALESCE(MAX(id), 0) FROM subjects").pluck().get() as number;
    const parkside = { id: 0, name: `Parkside Analytics ${run}` };
    parkside.id = insertRecipient(db, { name: parkside.name, privacyContactEmail: null });
    insertPath(db, parkside.id, { kind: "webhook", url: "https://hooks.parkside.example/candor" });
    const requestRef = `E2E-${run.toUpperCase()}`;
    const requestId = insertRequest(db, { ref: requestRef, receivedAt: now - 10 * DAY_MS });
    insertDelivery(db, {
      recipientId: parkside.id,
      subjectId: maxSubject + 1,
      type: "subject.erased",
      requestId,
      state: "delivered",
      at: now - 10 * DAY_MS,
    });
    // One person's withdrawal; another's two changes of the same purpose, the older overtaken by the newer.
    const parked = [maxSubject + 2, maxSubject + 3, maxSubject + 3].map((subjectId, i) =>
      insertDelivery(db, {
        recipientId: parkside.id,
        subjectId,
        type: "consent.changed",
        purposeId: purpose,
        state: "parked",
        at: now - (5 - i) * DAY_MS,
      }),
    );
    const gone = { id: 0, name: `Gone Hooks ${run}` };
    gone.id = insertRecipient(db, { name: gone.name, privacyContactEmail: null });
    insertPath(db, gone.id, { kind: "webhook", status: "disabled", disabledReason: "gone", disabledAt: now - DAY_MS });
    return { run, parkside: { ...parkside, parked, requestId, requestRef }, gone };
  } finally {
    db.$client.close();
  }
}
