import { describe, expect, it } from "vitest";
import { locales } from "../i18n/config";
import { buildEvent, propagationEventTypes, type EventData, type PropagationEventType } from "./events";
import { recipientDigestMessage, recipientNoticeMessage, type RecipientMessageItem } from "./recipient-messages";

const vars = {
  brand: "Northtrail",
  recipient: "Callcenter Co",
  replyTo: "dpo@northtrail.example",
  candorUrl: "https://trust.example",
  timeZone: "Asia/Seoul",
};

const data: { [T in PropagationEventType]: EventData<T> } = {
  "consent.changed": {
    purpose: "newsletter",
    previousState: "granted",
    newState: "withdrawn",
    noticeVersion: 3,
    source: "preference_center",
    gpc: true,
  },
  "subject.erased": {},
  "subject.rectified": {
    changes: [
      { field: "name", value: "Ana Lima" },
      { field: "phone", value: null },
    ],
  },
  "subject.restricted": {},
  "subject.objected": { purposes: ["ads", "profiling"] },
  "subject.opted_out": { optOut: ["sale", "sharing"], gpc: false },
  "subject.limited": {},
};
const item = (type: PropagationEventType, n = 1): RecipientMessageItem => ({
  deliveryId: `msg_${type.replace(".", "_")}_${n}`,
  event: buildEvent(type, {
    id: `evt_${n}`,
    occurredAt: new Date("2026-03-02T01:00:00Z"),
    sequence: 40 + n,
    subject: { externalId: `cust-${n}`, email: `p${n}@example.com` },
    data: data[type] as never,
  }),
});

describe("recipientNoticeMessage", () => {
  it("names the event, the identifiers held, the delivery and how to confirm, in every language, with the event as JSON", () => {
    for (const locale of locales)
      for (const type of propagationEventTypes) {
        const one = item(type);
        const m = recipientNoticeMessage(locale, vars, one);
        expect(m.subjectLine).toContain(one.deliveryId);
        expect(m.subjectLine).not.toMatch(/cust-1|p1@example/);
        for (const text of [
          "cust-1",
          "p1@example.com",
          one.deliveryId,
          "evt_1",
          "41",
          vars.replyTo,
          `https://trust.example/api/v1/deliveries/${one.deliveryId}/confirm`,
        ])
          expect(m.body).toContain(text);
        expect(m.body.split("\n")).toContain(JSON.stringify(one.event));
      }
  });

  it("describes what changed in the brand's language, with times in its zone", () => {
    const en = recipientNoticeMessage("en", vars, item("consent.changed")).body;
    expect(en).toContain("Purpose: newsletter");
    expect(en).toContain("Change: granted → withdrawn");
    expect(en).toContain("Global Privacy Control signal: yes");
    expect(en).toMatch(/Happened: March 2, 2026.*10:00.*AM \(Asia\/Seoul\)/);
    const ko = recipientNoticeMessage("ko", vars, item("subject.rectified")).body;
    expect(ko).toContain("정정: ");
    expect(ko).toContain("  이름: Ana Lima");
    expect(ko).toContain("  전화번호: —");
    const ja = recipientNoticeMessage("ja", vars, item("subject.opted_out")).body;
    expect(ja).toContain("オプトアウトの対象: 販売, 共有");
  });

  it("writes no English words into a Korean or Japanese message beyond names, ids and the API line", () => {
    for (const locale of ["ko", "ja"] as const)
      for (const type of propagationEventTypes) {
        const body = recipientNoticeMessage(locale, vars, item(type)).body;
        const prose = body
          .split("\n")
          .filter((line) => !line.startsWith("{") && !line.startsWith("POST "))
          .join("\n")
          .replace(
            /Northtrail|Callcenter Co|Candor|JSON|API|GPC|GDPR|CCPA|Webhook|Asia\/Seoul|[\w.+-]+@[\w.-]+|msg_\w+|evt_\w+|cust-\d+|newsletter|ads|profiling|Ana Lima/g,
            "",
          );
        expect(prose).not.toMatch(/[A-Za-z]{3,}/);
        // Times read 오전/오후 in Korean, never AM/PM.
        expect(prose).not.toMatch(/\b(AM|PM)\b/);
      }
  });
});

describe("recipientDigestMessage", () => {
  it("lists each of the day's events in order under one subject line that counts them", () => {
    const items = [item("consent.changed", 1), item("subject.erased", 2), item("subject.objected", 3)];
    const m = recipientDigestMessage("en", vars, "2026-03-02", items);
    expect(m.subjectLine).toBe("Northtrail: 3 privacy changes of 2026-03-02 to act on");
    const positions = items.map((i) => m.body.indexOf(i.deliveryId));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const i of items) expect(m.body).toContain(`/api/v1/deliveries/${i.deliveryId}/confirm`);
    expect(() => recipientDigestMessage("ko", vars, "2026-03-02", [])).toThrow(RangeError);
  });
});
