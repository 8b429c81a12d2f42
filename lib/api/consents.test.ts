import { describe, expect, it } from "vitest";
import { batchOutcome, batchTooLarge, singleOutcome, validateBatchEvents, validateEvent, type LedgerOutcome } from "./consents";

const event = (over: Record<string, unknown> = {}) => ({
  subject: { externalId: "c-1", jurisdiction: "EU" },
  purpose: "marketing_messages",
  event: "granted",
  ...over,
});
const stored = (index: number, status: "stored" | "duplicate" = "stored"): LedgerOutcome => ({
  index,
  status,
  eventId: 100 + index,
  subjectId: "uid-1",
  purpose: "marketing_messages",
  state: "granted",
});
const noGpc = { gpc: false, gpcOptOuts: 0 };

describe("single event", () => {
  it("validates with the shared consent schema", () => {
    expect(validateEvent(event())).toMatchObject({ ok: true, input: { source: "api" } });
    const bad = validateEvent(event({ purpose: 5 }));
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problem).toMatchObject({ status: 422, type: "https://candor.dev/problems/validation", errors: [{ field: "purpose" }] });
  });

  it("answers 422 at /occurredAt for an event dated 1969-07-20", () => {
    const bad = validateEvent(event({ occurredAt: "1969-07-20T20:17:40Z" }));
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problem).toMatchObject({
        status: 422,
        errors: [{ pointer: "/occurredAt", field: "occurredAt", detail: expect.stringContaining("2000-01-01") }],
      });
  });

  it("answers 201 for a stored event and 200 for an idempotent replay", () => {
    expect(singleOutcome(stored(0), { gpc: true, gpcOptOuts: 1 })).toMatchObject({
      status: 201,
      body: { status: "stored", gpc: true, gpcOptOuts: 1 },
    });
    expect(singleOutcome(stored(0, "duplicate"), noGpc).status).toBe(200);
  });

  it("answers 422 naming the field and the purpose for a ledger refusal", () => {
    const out = singleOutcome(
      { index: 0, status: "rejected", code: "unknown-purpose", field: "purpose", detail: 'No active purpose has the key "nope".' },
      noGpc,
    );
    expect(out.status).toBe(422);
    if (out.status === 422) {
      expect(out.problem.type).toBe("https://candor.dev/problems/rejected");
      expect(out.problem.detail).toContain('"nope"');
      expect(out.problem.errors).toEqual([
        { pointer: "/purpose", field: "purpose", code: "unknown-purpose", detail: 'No active purpose has the key "nope".' },
      ]);
    }
  });
});

describe("batch", () => {
  it("rejects an event dated before 2000 by its index and keeps the others valid", () => {
    const { valid, invalid } = validateBatchEvents([event(), event({ occurredAt: "1969-07-20T20:17:40Z" })]);
    expect(valid.map((v) => v.index)).toEqual([0]);
    expect(invalid).toEqual([
      { index: 1, status: "rejected", errors: [expect.objectContaining({ pointer: "/events/1/occurredAt", index: 1 })] },
    ]);
  });

  it("refuses a batch over 1,000 events and accepts exactly 1,000", () => {
    expect(batchTooLarge(1000)).toBeNull();
    expect(batchTooLarge(1001)).toMatchObject({ status: 422, detail: expect.stringContaining("1,001") });
  });

  it("keeps valid events with their positions and reports schema failures by index", () => {
    const { valid, invalid } = validateBatchEvents([event(), event({ event: "maybe" }), event(), "nonsense"]);
    expect(valid.map((v) => v.index)).toEqual([0, 2]);
    expect(invalid.map((r) => [r.index, r.errors[0].pointer])).toEqual([
      [1, "/events/1/event"],
      [3, "/events/3"],
    ]);
  });

  it("maps ledger outcomes back to request positions, in order, and counts them", () => {
    const valid = [{ index: 0 }, { index: 2 }, { index: 3 }];
    const invalid = validateBatchEvents([event(), event({ event: "maybe" })]).invalid;
    const outcomes: LedgerOutcome[] = [
      stored(0),
      { index: 1, status: "rejected", code: "unknown-purpose", field: "purpose", detail: "No." },
      stored(2, "duplicate"),
    ];
    const body = batchOutcome(valid, outcomes, invalid, noGpc);
    expect(body).toMatchObject({ stored: 1, duplicates: 1, rejected: 2, gpc: false, gpcOptOuts: 0 });
    expect(body.results.map((r) => [r.index, r.status])).toEqual([
      [0, "stored"],
      [1, "rejected"],
      [2, "rejected"],
      [3, "duplicate"],
    ]);
    expect(body.results[2]).toEqual({
      index: 2,
      status: "rejected",
      errors: [{ pointer: "/events/2/purpose", field: "purpose", index: 2, code: "unknown-purpose", detail: "No." }],
    });
  });
});
