import { describe, expect, it } from "vitest";
import { locales } from "../i18n/config";
import { defaultTemplate, renderTemplate } from "../messages/templates/render";
import { placeholderProblems } from "../messages/templates/schema";
import type { Incident } from "./incident";
import { plain, typedRuns } from "../ropa/typed";
import { adviceFor, dataInvolved, hasMeasures, noticeValues, whatHappened } from "./people-notice";
import {
  APPROVAL_ABOVE,
  mayApprove,
  needsApproval,
  progressPercent,
  publicNoticeEarliestEnd,
  requestNoticeBatchSchema,
} from "./notice-batches";

const incident: Incident = {
  id: 7,
  reference: "INC-2026-0003",
  title: "Order system accessed from outside",
  certainty: "confirmed",
  drill: false,
  status: "open",
  // 2026-03-03 23:30 in Seoul is 14:30 UTC: the day the notice names is the brand's, not UTC's.
  awareAt: new Date("2026-03-03T15:30:00Z"),
  occurredFrom: new Date("2026-03-01T01:00:00Z"),
  occurredTo: new Date("2026-03-02T16:00:00Z"),
  natures: ["confidentiality"],
  cause: "external_attack",
  causeNote: null,
  dataCategories: ["contact", "order_history"],
  dataFacts: ["payment_data"],
  encrypted: false,
  keyTaken: false,
  containment: "We closed the access on 3 March.",
  remedial: "Every staff password was reset.",
  risk: "high_risk",
  riskReason: "Card numbers",
  peopleException: null,
  peopleExceptionReason: null,
  delayReason: null,
  delayNote: null,
  createdById: 1,
  createdAt: new Date("2026-03-03T16:00:00Z"),
  updatedAt: new Date("2026-03-03T16:00:00Z"),
  closedAt: null,
};
const brand = { name: "Northtrail", contact: "privacy@northtrail.example", timeZone: "Asia/Seoul" };

describe("a breach notice's facts in the reader's language", () => {
  it("names the period and the day of awareness in the brand's time zone", () => {
    expect(whatHappened(incident, "en", brand.timeZone)).toBe(
      "Between March 1, 2026 and March 3, 2026, someone outside our company got into our systems without permission. " +
        "The data may have been seen or taken by someone who should not have it. We learned of it on March 4, 2026.",
    );
    expect(whatHappened(incident, "ko", brand.timeZone)).toContain("2026년 3월 1일부터 2026년 3월 3일까지 외부의 누군가가");
    expect(whatHappened(incident, "ja", brand.timeZone)).toContain("2026年3月4日にこの事態を把握しました。");
  });

  it("says the start is not known yet when the register has no period", () => {
    const open = { ...incident, occurredFrom: null, occurredTo: null };
    expect(whatHappened(open, "en", "UTC")).toMatch(/We do not yet know when it began; we learned of it on March 3, 2026\.$/);
    expect(whatHappened(open, "ko", "UTC")).toContain("언제 시작되었는지는 아직 확인 중");
  });

  it("lists the data map's categories and the legal facts in each language", () => {
    expect(dataInvolved(incident, "en")).toBe("Contact details, Order history, payment card or bank details");
    expect(dataInvolved(incident, "ko")).toBe("연락처, 주문 내역, 카드 또는 계좌 정보");
    expect(dataInvolved(incident, "ja")).toBe("連絡先、注文履歴、クレジットカード・口座情報");
  });

  it("advises against phishing always, and on each data fact involved", () => {
    expect(adviceFor(incident, "en").split("\n")).toHaveLength(2);
    expect(adviceFor(incident, "en")).toMatch(/statements/);
    expect(adviceFor({ ...incident, dataFacts: [] }, "ko").split("\n")).toHaveLength(1);
  });

  it("quotes the brand's containment and remedy as written, and needs at least one of them", () => {
    expect(plain(noticeValues(incident, "ko", brand).measures!)).toBe(
      "We closed the access on 3 March.\n\nEvery staff password was reset.",
    );
    expect(typedRuns(noticeValues(incident, "ko", brand).measures!)).toEqual([
      { text: "We closed the access on 3 March.\n\nEvery staff password was reset.", typed: true },
    ]);
    expect(hasMeasures(incident)).toBe(true);
    expect(hasMeasures({ containment: " ", remedial: null })).toBe(false);
  });

  it("fills every placeholder the shipped template keeps, in every language, with nothing left in braces", () => {
    for (const locale of locales) {
      const template = defaultTemplate("incident-notice", locale);
      expect(placeholderProblems("incident-notice", template), locale).toEqual([]);
      const m = renderTemplate(template, noticeValues(incident, locale, brand), locale);
      expect(m.body, locale).not.toMatch(/\{[a-z]+\}/);
      expect(m.subjectLine, locale).toContain("INC-2026-0003");
      expect(m.body, locale).toContain("privacy@northtrail.example");
    }
  });

  it("refuses a template that drops what the person can do", () => {
    const template = defaultTemplate("incident-notice", "en");
    expect(placeholderProblems("incident-notice", { ...template, body: template.body.replace("{advice}", "") })).toEqual([
      { field: "body", message: "requiredPlaceholder:advice" },
    ]);
  });
});

describe("notice batches", () => {
  it("needs a second officer above 100 people, not at 100", () => {
    expect(APPROVAL_ABOVE).toBe(100);
    expect(needsApproval(100)).toBe(false);
    expect(needsApproval(101)).toBe(true);
  });

  it("never lets the member who asked approve their own batch", () => {
    expect(mayApprove({ requestedById: 3, status: "awaiting_approval" }, 3)).toBe(false);
    expect(mayApprove({ requestedById: 3, status: "awaiting_approval" }, 4)).toBe(true);
    expect(mayApprove({ requestedById: 3, status: "sending" }, 4)).toBe(false);
  });

  it("keeps a public notice up for 30 days", () => {
    expect(publicNoticeEarliestEnd(new Date("2026-03-04T00:00:00Z")).toISOString()).toBe("2026-04-03T00:00:00.000Z");
  });

  it("counts progress in whole percent and an empty batch as done", () => {
    expect(progressPercent({ people: 3, done: 1 })).toBe(33);
    expect(progressPercent({ people: 0, done: 0 })).toBe(100);
  });

  it("asks for at least one known jurisdiction, de-duplicated", () => {
    expect(requestNoticeBatchSchema.parse({ incidentId: "2", jurisdictions: ["KR", "EU", "KR"] })).toEqual({
      incidentId: 2,
      jurisdictions: ["KR", "EU"],
    });
    expect(requestNoticeBatchSchema.safeParse({ incidentId: "2", jurisdictions: [] }).success).toBe(false);
    expect(requestNoticeBatchSchema.safeParse({ incidentId: "2", jurisdictions: ["XX"] }).success).toBe(false);
    expect(requestNoticeBatchSchema.safeParse({ incidentId: "x", jurisdictions: ["KR"] }).success).toBe(false);
  });
});
