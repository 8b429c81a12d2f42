import { describe, expect, it } from "vitest";
import { checklist, checklistItems, checklists, jurisdictionsInScope, missingItems } from "./checklists";
import { demoPolicyInput } from "./fixture";
import { policyJurisdictions } from "./input";

const now = new Date("2026-12-07T00:00:00Z");

describe("checklists", () => {
  it("passes every item for the demo brand in KR, JP, EU and US-CA", () => {
    const input = demoPolicyInput();
    expect(jurisdictionsInScope(input)).toEqual(["KR", "JP", "EU", "US-CA"]);
    for (const j of policyJurisdictions) {
      const list = checklist(input, j, now);
      expect(list.items.map((i) => i.item)).toEqual([...checklistItems[j]]);
      expect(list.missing, j).toEqual([]);
      expect(
        list.items.every((i) => i.status === "ok"),
        j,
      ).toBe(true);
    }
  });

  it("fails KR on the privacy officer when their contact is removed, and only KR", () => {
    const input = demoPolicyInput();
    input.brand.privacyOfficer = { ...input.brand.privacyOfficer!, contact: "" };
    const lists = checklists(input, now);
    expect(missingItems(lists)).toEqual(["KR.officer"]);
    expect(checklist(input, "KR", now).items.find((i) => i.item === "officer")).toEqual({
      item: "officer",
      status: "missing",
      gaps: ["privacyOfficer.contact"],
    });
  });

  it("fails JP on where to complain when the complaint contact is removed", () => {
    const input = demoPolicyInput();
    delete input.brand.complaintContacts.appi;
    expect(missingItems(checklists(input, now))).toEqual(["JP.complaints"]);
  });

  it("fails EU on the complaint to a supervisory authority, and on the DPO's contact", () => {
    const input = demoPolicyInput();
    delete input.brand.complaintContacts.gdpr;
    input.brand.dpo = null;
    expect(missingItems(checklists(input, now))).toEqual(["EU.controller", "EU.rights"]);
  });

  it("fails KR's overseas transfers for a recipient abroad without when, how and how to refuse, naming it", () => {
    const input = demoPolicyInput();
    input.recipients[0].transfer = null;
    const kr = checklist(input, "KR", now).items.find((i) => i.item === "overseas")!;
    expect(kr).toMatchObject({ status: "missing", gaps: ["Parcelway Logistics GmbH"] });
    // Germany is inside the EEA: the EU part does not need a safeguard for it.
    expect(checklist(input, "EU", now).missing).toEqual([]);
  });

  it("fails EU transfers for a recipient outside the EEA without a safeguard", () => {
    const input = demoPolicyInput();
    input.recipients[3].transfer = { ...input.recipients[3].transfer!, safeguard: null };
    expect(checklist(input, "EU", now).items.find((i) => i.item === "transfers")).toMatchObject({
      status: "missing",
      gaps: ["Sentinel Risk Scoring Inc."],
    });
  });

  it("fails KR destruction and JP business details when they are not filled in", () => {
    const input = demoPolicyInput();
    input.purposes[1].destructionMethod = null;
    input.brand.representative = " ";
    expect(missingItems(checklists(input, now))).toEqual(["KR.destruction", "JP.business"]);
    expect(checklist(input, "KR", now).items.find((i) => i.item === "destruction")!.gaps).toEqual(["fraud_prevention"]);
  });

  it("fails US-CA sources when a purpose names none, and security everywhere without measures", () => {
    const input = demoPolicyInput();
    input.purposes[0].sources = [];
    input.brand.securityMeasures = [];
    expect(missingItems(checklists(input, now))).toEqual(["KR.security", "JP.security", "US-CA.sources"]);
  });

  it("warns on the date last updated past twelve months, and leaves the §7102 link out when no report is published", () => {
    const input = demoPolicyInput();
    input.links.transparencyReport = null;
    const list = checklist(input, "US-CA", now, new Date("2025-12-01T00:00:00Z"));
    expect(list.items.find((i) => i.item === "last_updated")!.status).toBe("warning");
    expect(list.items.find((i) => i.item === "report")!.status).toBe("not_applicable");
    expect(list.missing).toEqual([]);
    expect(checklist(input, "US-CA", now, new Date("2026-01-01T00:00:00Z")).items.find((i) => i.item === "last_updated")!.status).toBe(
      "ok",
    );
  });

  it("has a part only where a purpose applies; the UK falls under the EU part", () => {
    const input = demoPolicyInput();
    for (const p of input.purposes) p.jurisdictions = ["UK", "JP"];
    expect(jurisdictionsInScope(input)).toEqual(["JP", "EU"]);
  });
});
