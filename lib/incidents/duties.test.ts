import { describe, expect, it } from "vitest";
import { wallClockAsUtc } from "../time";
import { computeDuties, nearestClock, type AffectedCounts, type Duty, type DutyFiling, type DutyIncident } from "./duties";
import type { DutyKind } from "./vocabulary";

const at = (s: string) => new Date(s);
/** The wall-clock time an instant shows in a zone, "YYYY-MM-DD HH:MM" and the weekday. */
const wall = (d: Date | null | undefined, zone: string) => {
  const w = new Date(wallClockAsUtc(d!.getTime(), zone));
  return `${["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][w.getUTCDay()]} ${w.toISOString().slice(0, 16).replace("T", " ")}`;
};

function incident(over: Partial<DutyIncident> = {}): DutyIncident {
  return {
    certainty: "confirmed",
    cause: "misdelivery",
    dataFacts: [],
    dataCategories: ["contact"],
    encrypted: false,
    keyTaken: false,
    risk: "risk",
    peopleException: null,
    delayReason: null,
    awareAt: at("2026-06-05T21:30:00Z"),
    occurredFrom: at("2026-06-05T08:00:00Z"),
    containment: "Mailbox rule removed",
    remedial: null,
    ...over,
  };
}

const dublin = { timeZone: "Europe/Dublin" };
const duties = (i: DutyIncident, affected: AffectedCounts, filings: DutyFiling[] = [], now = at("2026-06-06T00:00:00Z"), brand = dublin) =>
  computeDuties(i, affected, brand, filings, now);
const duty = (ds: Duty[], kind: DutyKind) => ds.find((d) => d.kind === kind)!;
const dueAt = (d: Duty) => (d.due && d.due.kind !== "after" ? d.due.at : null);

describe("GDPR Art. 33: the authority within 72 hours of awareness", () => {
  it("makes awareness at 23:30 on a Friday in the brand's zone due at 23:30 on the Monday", () => {
    const aware = at("2026-06-05T22:30:00Z"); // Friday 23:30 in Dublin (IST, UTC+1)
    expect(wall(aware, "Europe/Dublin")).toBe("Fri 2026-06-05 23:30");
    const d = duty(duties(incident({ awareAt: aware }), { EU: 40 }), "gdpr_authority");
    expect(d.applies).toBe(true);
    expect(wall(dueAt(d), "Europe/Dublin")).toBe("Mon 2026-06-08 23:30");
  });

  it("makes a Friday 23:30 in Seoul due at 23:30 on the Monday in Seoul", () => {
    const aware = at("2026-06-05T14:30:00Z");
    const d = duty(duties(incident({ awareAt: aware }), { EU: 1 }, [], aware, { timeZone: "Asia/Seoul" }), "gdpr_authority");
    expect(wall(dueAt(d), "Asia/Seoul")).toBe("Mon 2026-06-08 23:30");
  });

  it("counts 72 elapsed hours across the spring clock change, so the wall clock reads an hour later", () => {
    const aware = at("2026-03-27T09:00:00Z"); // Friday 10:00 CET; clocks go forward on Sunday 29 March
    const d = duty(duties(incident({ awareAt: aware }), { EU: 3 }, [], aware, { timeZone: "Europe/Berlin" }), "gdpr_authority");
    expect(dueAt(d)!.getTime() - aware.getTime()).toBe(72 * 3_600_000);
    expect(wall(dueAt(d), "Europe/Berlin")).toBe("Mon 2026-03-30 11:00");
  });

  it("counts 72 elapsed hours across the autumn clock change, so the wall clock reads an hour earlier", () => {
    const aware = at("2026-10-23T22:30:00Z"); // Saturday 00:30 CEST; clocks go back on Sunday 25 October
    const d = duty(duties(incident({ awareAt: aware }), { EU: 3 }, [], aware, { timeZone: "Europe/Berlin" }), "gdpr_authority");
    expect(dueAt(d)!.toISOString()).toBe("2026-10-26T22:30:00.000Z");
    expect(wall(dueAt(d), "Europe/Berlin")).toBe("Mon 2026-10-26 23:30");
  });

  it("does not apply when the breach is unlikely to result in a risk, and says so", () => {
    const d = duty(duties(incident({ risk: "none_likely" }), { EU: 5 }), "gdpr_authority");
    expect(d).toMatchObject({ applies: false, status: "not_applicable", why: ["risk_unlikely"], due: null });
  });

  it("marks a report sent in time met, and a late one late with the reasons for the delay still missing", () => {
    const i = incident();
    const onTime = duty(duties(i, { EU: 5 }, [{ duty: "gdpr_authority", sentAt: at("2026-06-08T10:00:00Z") }]), "gdpr_authority");
    expect(onTime).toMatchObject({ status: "met", missing: [] });
    const late = duty(duties(i, { EU: 5 }, [{ duty: "gdpr_authority", sentAt: at("2026-06-09T10:00:00Z") }]), "gdpr_authority");
    expect(late.status).toBe("late");
    expect(late.missing).toContain("delay_reasons");
    const explained = duties(i, { EU: 5 }, [
      { duty: "gdpr_authority", sentAt: at("2026-06-09T10:00:00Z"), note: "Scope unknown until forensics" },
    ]);
    expect(duty(explained, "gdpr_authority").missing).not.toContain("delay_reasons");
  });

  it("turns overdue after 72 hours with nothing sent, and counts the first report as met with later phases beside it", () => {
    expect(duty(duties(incident(), { UK: 2 }, [], at("2026-06-08T21:31:00Z")), "gdpr_authority").status).toBe("overdue");
    const phased = duty(
      duties(incident(), { UK: 2 }, [
        { duty: "gdpr_authority", sentAt: at("2026-06-07T09:00:00Z") },
        { duty: "gdpr_authority", sentAt: at("2026-06-20T09:00:00Z") },
      ]),
      "gdpr_authority",
    );
    expect(phased).toMatchObject({ status: "met", filings: 2, metAt: at("2026-06-07T09:00:00Z") });
  });
});

describe("GDPR Art. 34: the people when the risk is high", () => {
  it("applies only to a high risk, aiming at the authority's 72 hours for 'without undue delay'", () => {
    expect(duty(duties(incident(), { EU: 5 }), "gdpr_people")).toMatchObject({ applies: false, why: ["not_high_risk"] });
    const d = duty(duties(incident({ risk: "high_risk" }), { EU: 5 }), "gdpr_people");
    expect(d.applies).toBe(true);
    expect(d.due).toEqual({ kind: "without_undue_delay", at: at("2026-06-08T21:30:00Z") });
  });

  it("is lifted by encryption or removed risk and becomes a public notice for disproportionate effort", () => {
    const high = { risk: "high_risk" as const };
    expect(duty(duties(incident({ ...high, peopleException: "encrypted" }), { EU: 5 }), "gdpr_people")).toMatchObject({
      applies: false,
      why: ["high_risk", "exception_encrypted"],
    });
    expect(duty(duties(incident({ ...high, peopleException: "risk_removed" }), { EU: 5 }), "gdpr_people").applies).toBe(false);
    expect(duty(duties(incident({ ...high, peopleException: "disproportionate_effort" }), { EU: 5 }), "gdpr_people")).toMatchObject({
      applies: true,
      form: "public_notice",
    });
  });
});

describe("PIPA Art. 34: the people and PIPC/KISA within 72 hours", () => {
  const kr = (i: DutyIncident, n: number) => duties(i, { KR: n });

  it("requires the report at 1,000 affected and not at 999", () => {
    expect(duty(kr(incident(), 1000), "pipa_authority")).toMatchObject({ applies: true, why: ["people_in_scope", "at_least_1000"] });
    expect(duty(kr(incident(), 999), "pipa_authority")).toMatchObject({ applies: false, why: ["below_1000"] });
  });

  it("requires the report at 999 when sensitive or unique identifying data is involved, or access came from outside", () => {
    expect(duty(kr(incident({ dataFacts: ["health_data"] }), 999), "pipa_authority").why).toContain("sensitive_data");
    expect(duty(kr(incident({ dataFacts: ["health_data"] }), 999), "pipa_authority").applies).toBe(true);
    expect(duty(kr(incident({ dataFacts: ["unique_identifier"] }), 999), "pipa_authority").applies).toBe(true);
    expect(duty(kr(incident({ cause: "external_attack" }), 999), "pipa_authority")).toMatchObject({
      applies: true,
      why: ["people_in_scope", "below_1000", "outside_access"],
    });
    expect(duty(kr(incident({ cause: "insider", dataFacts: ["payment_data"] }), 1), "pipa_authority").applies).toBe(false);
  });

  it("tells every affected person in Korea within 72 elapsed hours, naming missing contacts for the website notice", () => {
    const aware = at("2026-06-05T14:30:00Z");
    const ds = computeDuties(incident({ awareAt: aware }), { KR: 1, EU: 10 }, { timeZone: "Asia/Seoul" }, [], aware, { KR: 1 });
    const d = duty(ds, "pipa_people");
    expect(d).toMatchObject({ applies: true, due: { kind: "by", at: at("2026-06-08T14:30:00Z") } });
    expect(d.why).toEqual(["people_in_scope", "any_leak", "contacts_missing"]);
  });

  it("says the report may follow in phases while facts are missing, and not once it is sent", () => {
    const unknown = incident({ occurredFrom: null, cause: "external_attack" });
    expect(duty(kr(unknown, 5), "pipa_authority").why).toContain("phased_report");
    expect(duty(kr(incident({ cause: "external_attack" }), 5), "pipa_authority").why).not.toContain("phased_report");
    const sent = computeDuties(
      unknown,
      { KR: 5 },
      dublin,
      [{ duty: "pipa_authority", sentAt: at("2026-06-06T00:00:00Z") }],
      at("2026-06-06T00:00:00Z"),
    );
    expect(duty(sent, "pipa_authority").why).not.toContain("phased_report");
  });

  it("names what the notice still lacks: when it happened and the brand's measures", () => {
    const d = duty(kr(incident({ occurredFrom: null, containment: null, remedial: null }), 5), "pipa_people");
    expect(d.missing).toEqual(["occurred_when", "measures"]);
  });
});

describe("APPI Art. 26: the PPC, preliminary and final", () => {
  const tokyo = { timeZone: "Asia/Tokyo" };
  const aware = at("2026-05-01T01:00:00Z"); // 10:00 on 1 May in Tokyo
  const jp = (i: DutyIncident, n = 20, brand: { timeZone: string; appiPreliminaryDays?: number } = tokyo) =>
    computeDuties({ ...i, awareAt: i.awareAt }, { JP: n }, brand, [], aware);

  it("makes the final report due 30 days from the day after awareness, at the end of that day in the brand's zone", () => {
    const d = duty(jp(incident({ awareAt: aware, dataFacts: ["payment_data"], cause: "loss_or_theft" })), "appi_final");
    expect(d.why).toEqual(["people_in_scope", "financial_loss"]);
    expect(wall(dueAt(d), "Asia/Tokyo")).toBe("Sun 2026-05-31 23:59");
  });

  it("makes it 60 days for an unlawful purpose", () => {
    const d = duty(jp(incident({ awareAt: aware, cause: "external_attack" })), "appi_final");
    expect(d.why).toEqual(["people_in_scope", "unlawful_purpose"]);
    expect(wall(dueAt(d), "Asia/Tokyo")).toBe("Tue 2026-06-30 23:59");
  });

  it("counts from the day after awareness even when awareness comes at 23:30", () => {
    const late = at("2026-05-01T14:30:00Z"); // 23:30 on 1 May in Tokyo
    const d = duty(jp(incident({ awareAt: late, cause: "skimming" })), "appi_final");
    expect(wall(dueAt(d), "Asia/Tokyo")).toBe("Tue 2026-06-30 23:59");
  });

  it("asks for no report when the data was strongly encrypted and the key safe, and for one when the key was taken", () => {
    const safe = duty(jp(incident({ awareAt: aware, cause: "external_attack", encrypted: true })), "appi_final");
    expect(safe).toMatchObject({ applies: false, why: ["unlawful_purpose", "encrypted_key_safe"], status: "not_applicable" });
    expect(
      duty(jp(incident({ awareAt: aware, cause: "external_attack", encrypted: true, keyTaken: true })), "appi_preliminary").applies,
    ).toBe(true);
  });

  it("requires a report for more than 1,000 people and not for 1,000, and counts cases that may have occurred", () => {
    expect(duty(jp(incident({ awareAt: aware }), 1001), "appi_preliminary").why).toEqual(["people_in_scope", "more_than_1000"]);
    expect(duty(jp(incident({ awareAt: aware }), 1000), "appi_preliminary")).toMatchObject({
      applies: false,
      why: ["no_report_condition"],
    });
    expect(duty(jp(incident({ awareAt: aware, certainty: "suspected", dataFacts: ["health_data"] })), "appi_people").why).toEqual([
      "people_in_scope",
      "sensitive_data",
      "may_have_occurred",
    ]);
  });

  it("aims the preliminary report at the brand's target, 3 days unless set, on the brand's calendar", () => {
    const i = incident({ awareAt: at("2026-05-01T15:30:00Z"), cause: "insider" }); // 2 May 00:30 in Tokyo, 1 May 08:30 in Los Angeles
    expect(wall(dueAt(duty(jp(i), "appi_preliminary")), "Asia/Tokyo")).toBe("Tue 2026-05-05 23:59");
    expect(duty(jp(i), "appi_preliminary").due?.kind).toBe("promptly");
    const la = { timeZone: "America/Los_Angeles" };
    expect(wall(dueAt(duty(jp(i, 20, la), "appi_preliminary")), la.timeZone)).toBe("Mon 2026-05-04 23:59");
    expect(wall(dueAt(duty(jp(i, 20, { ...tokyo, appiPreliminaryDays: 5 }), "appi_people")), "Asia/Tokyo")).toBe("Thu 2026-05-07 23:59");
  });
});

describe("California §1798.82: residents and the Attorney General", () => {
  const la = { timeZone: "America/Los_Angeles" };
  const discovered = at("2026-03-02T18:00:00Z"); // 10:00 on 2 March in Los Angeles
  const ca = (n: number, filings: DutyFiling[] = [], over: Partial<DutyIncident> = {}) =>
    computeDuties(incident({ awareAt: discovered, dataFacts: ["unique_identifier"], ...over }), { "US-CA": n }, la, filings, discovered);

  it("makes the residents' notice due 30 calendar days after discovery, through the spring clock change", () => {
    const d = duty(ca(10), "ca_people");
    expect(d.applies).toBe(true);
    expect(wall(dueAt(d), la.timeZone)).toBe("Wed 2026-04-01 23:59");
    expect(dueAt(d)!.toISOString()).toBe("2026-04-02T06:59:59.999Z");
  });

  it("needs the listed data, unencrypted or with the key taken", () => {
    expect(duty(ca(10, [], { dataFacts: [] }), "ca_people")).toMatchObject({ applies: false, why: ["no_covered_data"] });
    expect(duty(ca(10, [], { encrypted: true }), "ca_people").applies).toBe(false);
    expect(duty(ca(10, [], { encrypted: true, keyTaken: true }), "ca_people").applies).toBe(true);
  });

  it("requires the sample to the Attorney General when 501 residents are notified, not 500, 15 days after notifying", () => {
    const told = (n: number) => [{ duty: "ca_people" as const, sentAt: at("2026-03-20T17:00:00Z"), people: n }];
    const ag501 = duty(ca(501, told(501)), "ca_attorney_general");
    expect(ag501).toMatchObject({ applies: true, why: ["people_in_scope", "more_than_500_notified"] });
    expect(wall(dueAt(ag501), la.timeZone)).toBe("Sat 2026-04-04 23:59");
    expect(duty(ca(500, told(500)), "ca_attorney_general")).toMatchObject({ applies: false, why: ["500_or_fewer"] });
    expect(duty(ca(600, told(500)), "ca_attorney_general").applies).toBe(false);
  });

  it("expects the sample before residents are told when more than 500 are affected, its clock waiting on their notice", () => {
    const d = duty(ca(501), "ca_attorney_general");
    expect(d).toMatchObject({ applies: true, why: ["people_in_scope", "more_than_500_expected"], status: "open" });
    expect(d.due).toEqual({ kind: "after", duty: "ca_people", days: 15 });
    expect(d.missing).toEqual(["residents_notice"]);
  });

  it("keeps a notice after 30 days met when a delay for law enforcement was recorded, late otherwise", () => {
    const after = [{ duty: "ca_people" as const, sentAt: at("2026-04-10T17:00:00Z"), people: 10 }];
    expect(duty(ca(10, after), "ca_people").status).toBe("late");
    const delayed = duty(ca(10, after, { delayReason: "law_enforcement" }), "ca_people");
    expect(delayed.status).toBe("met");
    expect(delayed.why).toContain("delay_recorded");
  });
});

describe("duties as a whole", () => {
  it("shows the clocks as undetermined until affected people are selected", () => {
    const ds = duties(incident({ cause: "external_attack" }), {});
    expect(duty(ds, "gdpr_authority")).toMatchObject({ status: "undetermined", applies: false, why: ["no_affected_selected"] });
    expect(duty(ds, "pipa_authority").status).toBe("undetermined");
    expect(duty(ds, "gdpr_people").status).toBe("not_applicable");
    expect(nearestClock(ds)).toEqual({ kind: "gdpr_authority", at: at("2026-06-08T21:30:00Z"), status: "undetermined" });
  });

  it("marks the duties of a jurisdiction with no affected people as not applying", () => {
    const ds = duties(incident(), { KR: 3 });
    expect(duty(ds, "gdpr_authority")).toMatchObject({ applies: false, why: ["no_people_in_scope"], people: 0 });
    expect(duty(ds, "pipa_people")).toMatchObject({ applies: true, people: 3 });
  });

  it("names the nearest clock among duties not yet done", () => {
    const aware = at("2026-05-01T01:00:00Z");
    const i = incident({ awareAt: aware, cause: "external_attack", dataFacts: ["unique_identifier"] });
    const ds = computeDuties(i, { JP: 5, KR: 5, "US-CA": 5 }, { timeZone: "Asia/Tokyo", appiPreliminaryDays: 3 }, [], aware);
    expect(nearestClock(ds)).toMatchObject({ kind: "pipa_people", at: at("2026-05-04T01:00:00Z") });
    const sent = [
      { duty: "pipa_people" as const, sentAt: at("2026-05-02T00:00:00Z"), people: 5 },
      { duty: "pipa_authority" as const, sentAt: at("2026-05-02T00:00:00Z") },
    ];
    expect(nearestClock(computeDuties(i, { JP: 5, KR: 5 }, { timeZone: "Asia/Tokyo", appiPreliminaryDays: 3 }, sent, aware))).toMatchObject(
      {
        kind: "appi_preliminary",
      },
    );
  });
});
