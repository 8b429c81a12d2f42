import { describe, expect, it } from "vitest";
import { changedIncidentFields, incidentReference, registerIncidentSchema, type Incident, type IncidentLinks } from "./incident";

const clock = { now: new Date("2026-12-07T09:00:00Z"), timeZone: "Asia/Seoul" };
const parse = (form: Record<string, unknown>) => registerIncidentSchema(clock).safeParse(form);
const errors = (form: Record<string, unknown>) => {
  const r = parse(form);
  if (r.success) return {};
  const out: Record<string, string | undefined> = {};
  for (const issue of r.error.issues) out[String(issue.path[0])] ??= issue.message;
  return out;
};

const valid = {
  title: "Support mailbox phishing",
  certainty: "confirmed",
  awareAt: "2026-12-04T23:30",
  natures: ["confidentiality"],
  cause: "external_attack",
  dataCategories: ["contact", "contact", "order_history"],
  dataFacts: "account_credentials",
  purposeIds: ["3", "3", "5"],
  risk: "high_risk",
  riskReason: "Passwords of customers were read",
};

describe("registerIncidentSchema", () => {
  it("reads awareness on the brand's wall clock and de-duplicates the lists", () => {
    const r = parse(valid);
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.awareAt.toISOString()).toBe("2026-12-04T14:30:00.000Z");
    expect(r.data.dataCategories).toEqual(["contact", "order_history"]);
    expect(r.data.dataFacts).toEqual(["account_credentials"]);
    expect(r.data.purposeIds).toEqual([3, 5]);
    expect(r.data.recipientIds).toEqual([]);
    expect(r.data.drill).toBe(false);
    expect(r.data.occurredFrom).toBeNull();
    expect(r.data.peopleException).toBeNull();
  });

  it("reports each missing required field by name", () => {
    expect(errors({})).toMatchObject({
      title: "required",
      certainty: "required",
      awareAt: "required",
      natures: "choose-one",
      cause: "required",
      risk: "required",
      riskReason: "required",
    });
  });

  it("refuses awareness in the future, before 2000, or at a time the zone skips", () => {
    expect(errors({ ...valid, awareAt: "2026-12-07T19:00" }).awareAt).toBe("future");
    expect(errors({ ...valid, awareAt: "1999-12-31T23:00" }).awareAt).toBe("too-early");
    expect(errors({ ...valid, awareAt: "2026-02-30T10:00" }).awareAt).toBe("invalid-time");
    const ny = registerIncidentSchema({ now: clock.now, timeZone: "America/New_York" }).safeParse({
      ...valid,
      awareAt: "2026-03-08T02:30",
    });
    expect(ny.success).toBe(false);
  });

  it("refuses a period that ends before it starts or starts after awareness", () => {
    expect(errors({ ...valid, occurredFrom: "2026-12-03T10:00", occurredTo: "2026-12-02T10:00" }).occurredTo).toBe("ends-before-start");
    expect(errors({ ...valid, occurredFrom: "2026-12-05T10:00" }).occurredFrom).toBe("after-awareness");
    expect(parse({ ...valid, occurredFrom: "2026-12-01T10:00", occurredTo: "2026-12-06T10:00" }).success).toBe(true);
  });

  it("asks how it happened when the cause is other, and a reason for an exception or a delay", () => {
    expect(errors({ ...valid, cause: "other" }).causeNote).toBe("cause-note-required");
    expect(errors({ ...valid, peopleException: "encrypted" }).peopleExceptionReason).toBe("reason-required");
    expect(errors({ ...valid, delayReason: "law_enforcement", delayNote: "" }).delayNote).toBe("reason-required");
  });

  it("takes an Art. 34(3) exception only for a high-risk breach", () => {
    const r = errors({ ...valid, risk: "risk", peopleException: "risk_removed", peopleExceptionReason: "Passwords reset" });
    expect(r.peopleException).toBe("exception-needs-high-risk");
  });

  it("refuses a taken key without encryption", () => {
    expect(errors({ ...valid, keyTaken: "on" }).keyTaken).toBe("key-without-encryption");
    const r = parse({ ...valid, encrypted: "on", keyTaken: "on" });
    expect(r.success && r.data.keyTaken).toBe(true);
  });

  it("refuses words that are not in the vocabulary", () => {
    expect(errors({ ...valid, natures: ["leak"] }).natures).toBe("invalid");
    expect(errors({ ...valid, cause: "aliens" }).cause).toBe("required");
    expect(errors({ ...valid, dataFacts: ["ssn"] }).dataFacts).toBe("invalid");
    expect(errors({ ...valid, purposeIds: ["abc"] }).purposeIds).toBe("invalid");
  });

  it("drops a reason left over once its exception or delay is cleared", () => {
    const r = parse({ ...valid, peopleException: "", peopleExceptionReason: "old", delayReason: "", delayNote: "old" });
    expect(r.success && [r.data.peopleExceptionReason, r.data.delayNote]).toEqual([null, null]);
  });
});

describe("incidentReference", () => {
  it("numbers within the year with four digits", () => {
    expect(incidentReference(2026, 1)).toBe("INC-2026-0001");
    expect(incidentReference(2027, 123)).toBe("INC-2027-0123");
  });
});

describe("changedIncidentFields", () => {
  it("names only the fields an edit changed, lists compared as sets", () => {
    const r = parse(valid);
    if (!r.success) throw new Error("fixture");
    const stored: Incident & IncidentLinks = {
      ...r.data,
      id: 1,
      reference: "INC-2026-0001",
      status: "open",
      createdById: 1,
      createdAt: clock.now,
      updatedAt: clock.now,
      closedAt: null,
      purposeIds: [5, 3],
    };
    expect(changedIncidentFields(stored, r.data)).toEqual([]);
    expect(changedIncidentFields(stored, { ...r.data, risk: "risk", purposeIds: [3] })).toEqual(["purposeIds", "risk"]);
  });
});

describe("registerIncidentSchema, all refusals at once", () => {
  it("reports the rules that tie fields together even while other fields are missing", () => {
    const e = errors({ cause: "other", keyTaken: "on", occurredFrom: "2026-12-03T10:00", occurredTo: "2026-12-02T10:00" });
    expect(e).toMatchObject({
      title: "required",
      causeNote: "cause-note-required",
      keyTaken: "key-without-encryption",
      occurredTo: "ends-before-start",
    });
  });

  it("does not trip over a value of the wrong type while checking those rules", () => {
    expect(errors({ ...valid, occurredFrom: 42, awareAt: ["x"] })).toMatchObject({ occurredFrom: "invalid-time", awareAt: "invalid-time" });
  });
});
