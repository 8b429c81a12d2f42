import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consentEventInputSchema, type ConsentEventInput } from "@/lib/consent/events";
import { openDatabase, type Db } from "../../connection";
import { loadTestCatalog } from "../../testing/catalog";
import { createTempDatabase } from "../../testing/temp-db";
import { ConsentLedger } from "./record";

// The public API hands the ledger whatever passes the event schema. Whatever that is, the
// ledger must answer per event (stored, duplicate or rejected), never throw: a throw is a 500
// and a lost batch.
const temp = createTempDatabase("ledger-client-input");
let db: Db;
let ledger: ConsentLedger;
let knownUid = "";
beforeAll(() => {
  db = openDatabase(temp.file);
  loadTestCatalog(db);
  ledger = new ConsentLedger(db);
  const { results } = ledger.record(
    [
      {
        subject: { externalId: "known", email: "known@example.com", jurisdiction: "EU" },
        purpose: "newsletter",
        event: "granted",
        source: "api",
      },
    ],
    { gpc: false },
  );
  knownUid = results[0].status === "stored" ? results[0].subjectId : "";
});
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const subjectArb = fc.record(
  {
    id: maybe(fc.constantFrom("known-uid", "no-such-uid")),
    externalId: maybe(fc.constantFrom("known", "c-1", "c-2", "c-3")),
    email: maybe(fc.constantFrom("known@example.com", "a@example.com", "b@example.com")),
    jurisdiction: maybe(fc.constantFrom("EU", "US-CA", "KR", "JP")),
    locale: maybe(fc.constantFrom("en", "ko", "ja")),
    isMinor: maybe(fc.boolean()),
  },
  { requiredKeys: [] },
);
const eventArb = fc.record(
  {
    subject: subjectArb,
    purpose: fc.constantFrom("newsletter", "ad_sharing", "fraud_checks", "orders", "unknown_one"),
    event: fc.constantFrom("granted", "denied", "withdrawn"),
    channel: maybe(fc.constantFrom("email", "sms", "push", "post")),
    source: maybe(fc.constantFrom("banner", "api", "import")),
    locale: maybe(fc.constantFrom("en", "ko", "ja")),
    jurisdiction: maybe(fc.constantFrom("EU", "UK", "KR")),
    noticeVersion: maybe(fc.integer({ min: 1, max: 3 })),
    occurredAt: maybe(fc.constantFrom("2020-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "2024-02-29T23:59:59.999+09:00")),
    idempotencyKey: maybe(fc.constantFrom("k1", "k2", "k3", "k4")),
    guardianName: maybe(fc.constant("Pat Guardian")),
  },
  { requiredKeys: ["subject", "purpose", "event"] },
);

describe("the ledger under client input", () => {
  it("answers every schema-valid event and never throws", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 1, maxLength: 25 }), fc.boolean(), (raw, gpc) => {
        const inputs = raw
          .map((e) => ({ ...e, subject: { ...e.subject, id: e.subject.id === "known-uid" ? knownUid : e.subject.id } }))
          .map((e) => consentEventInputSchema.safeParse(e))
          .filter((r) => r.success)
          .map((r) => r.data as ConsentEventInput);
        if (inputs.length === 0) return;
        const { results } = ledger.record(inputs, { gpc, source: "api" });
        expect(results.map((r) => r.index)).toEqual(inputs.map((_, i) => i));
      }),
      { numRuns: 300 },
    );
  });
});
