import { describe, expect, it } from "vitest";
import { catalogs } from "../i18n/catalogs";
import { locales } from "../i18n/config";
import { outboxFilterSchema } from "./filter";
import { isOutboxKind, outboxKinds, outboxStatuses, requestMessageKinds } from "./vocabulary";

describe("outbox vocabulary", () => {
  it("spells every kind one way, lower-case words joined by hyphens, and holds every request message", () => {
    for (const kind of outboxKinds) expect(kind).toMatch(/^[a-z]+(-[a-z]+)+$/);
    expect(new Set(outboxKinds).size).toBe(outboxKinds.length);
    expect(outboxKinds).toEqual(expect.arrayContaining([...requestMessageKinds]));
    expect(isOutboxKind("request-rejected")).toBe(true);
    expect(isOutboxKind("request_rejected")).toBe(false);
  });

  it("names every kind and status in every staff language", () => {
    for (const locale of locales) {
      const { outbox } = catalogs[locale];
      expect(Object.keys(outbox.kinds).sort(), locale).toEqual([...outboxKinds].sort());
      expect(Object.keys(outbox.statuses).sort(), locale).toEqual([...outboxStatuses].sort());
    }
  });

  it("describes the outbox as holding staff mail (notices, digests, invitations) as well as customers' messages, in every staff language", () => {
    const words = {
      en: [/customers/, /staff/, /notifications/, /digests/, /invitations/],
      ko: [/고객/, /직원/, /알림/, /일일 요약/, /초대/],
      ja: [/お客様/, /スタッフ/, /通知/, /ダイジェスト/, /招待/],
    } as const;
    for (const locale of locales)
      for (const description of [catalogs[locale].outbox.descriptionSmtp, catalogs[locale].outbox.descriptionNoSmtp])
        for (const word of words[locale]) expect(description, locale).toMatch(word);
  });

  it("filters the viewer by a kind of the vocabulary and falls back to every kind otherwise", () => {
    expect(outboxFilterSchema.parse({ kind: "notice-reconsent" }).kind).toBe("notice-reconsent");
    for (const kind of ["request_rejected", "", "x".repeat(100), ["request-code", "notice-update"]])
      expect(outboxFilterSchema.parse({ kind }).kind).toBeUndefined();
    expect(outboxFilterSchema.parse({ status: "sending" }).status).toBe("sending");
    expect(outboxFilterSchema.parse({ status: "lost" }).status).toBeUndefined();
  });
});
