import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConsentEventInput } from "@/lib/consent/events";
import { openDatabase, type Db } from "../../connection";
import { loadTestCatalog } from "../../testing/catalog";
import { createTempDatabase } from "../../testing/temp-db";
import { ConsentLedger } from "./record";

// The API lets callers name a subject by externalId and email at once; an email that already
// belongs to someone else must be one refused event, not a failed batch.
const temp = createTempDatabase("ledger-conflict");
let db: Db;
let ledger: ConsentLedger;
beforeAll(() => {
  db = openDatabase(temp.file);
  loadTestCatalog(db);
  ledger = new ConsentLedger(db);
});
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

const event = (subject: ConsentEventInput["subject"]): ConsentEventInput => ({
  subject,
  purpose: "newsletter",
  event: "granted",
  source: "api",
});

describe("a new externalId with another subject's email", () => {
  it("is refused by index while the rest of the batch is stored", () => {
    ledger.record([event({ email: "taken@example.com", jurisdiction: "EU" })], { gpc: false });
    const { results } = ledger.record(
      [event({ externalId: "X-1", jurisdiction: "EU" }), event({ externalId: "X-2", email: "taken@example.com", jurisdiction: "EU" })],
      { gpc: false },
    );
    expect(results.map((r) => r.status)).toEqual(["stored", "rejected"]);
    expect(results[1]).toMatchObject({ code: "subject-conflict", field: "subject.email" });
  });

  it("still finds a known externalId whatever email comes with it", () => {
    const { results } = ledger.record([event({ externalId: "X-1", email: "taken@example.com" })], { gpc: false });
    expect(results[0].status).toBe("stored");
  });
});
