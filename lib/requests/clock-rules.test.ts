import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { catalogs } from "@/lib/i18n/catalogs";
import { clockLabel, periodLabel, type ClockTranslate } from "./clock-label";
import { clockRule, type ClockPeriod } from "./clock-rules";
import { addPeriod, confirmReceiptBy, dueDate, endOfLocalDay, extendedDueDate, localDate } from "./deadlines";
import { requestTypes } from "./vocabulary";

// Every request type under every regime, written out by hand from SPEC.md §4
// and reference/standards.md §1, so a change to a clock or its label must be meant.
// Sample receipt: Friday 5 March 2027, brand in UTC, APPI target left at 14 days.
// Columns: type, jurisdiction, period, due date, extended due date, confirm receipt by, label en / ko / ja.
type Row = [string, string, `${number} ${ClockPeriod["unit"]}`, string, string | null, string | null, string, string, string];
const receivedAt = new Date("2027-03-05T12:00:00Z");

const GDPR_EN = "GDPR Art. 12(3): 1 month";
const GDPR_KO = "GDPR 제12조제3항: 1개월 이내";
const GDPR_JA = "GDPR第12条第3項: 1か月以内";
const CCPA_EN = "CCPA §7021(b): 45 days";
const CCPA_KO = "CCPA §7021(b): 45일 이내";
const CCPA_JA = "CCPA §7021(b): 45日以内";
const UNKNOWN_EN = "Unknown jurisdiction: the strictest clock, 10 days";
const UNKNOWN_KO = "알 수 없는 관할: 가장 엄격한 기한 10일 이내";
const UNKNOWN_JA = "不明な法域: 最も厳しい期限10日以内";

const table: Row[] = [
  ["access", "EU", "1 months", "2027-04-05", "2027-06-05", null, GDPR_EN, GDPR_KO, GDPR_JA],
  ["portability", "EU", "1 months", "2027-04-05", "2027-06-05", null, GDPR_EN, GDPR_KO, GDPR_JA],
  ["deletion", "EU", "1 months", "2027-04-05", "2027-06-05", null, GDPR_EN, GDPR_KO, GDPR_JA],
  ["rectification", "EU", "1 months", "2027-04-05", "2027-06-05", null, GDPR_EN, GDPR_KO, GDPR_JA],
  ["restriction", "EU", "1 months", "2027-04-05", "2027-06-05", null, GDPR_EN, GDPR_KO, GDPR_JA],
  ["objection", "EU", "1 months", "2027-04-05", "2027-06-05", null, GDPR_EN, GDPR_KO, GDPR_JA],
  ["opt_out_sale", "EU", "1 months", "2027-04-05", "2027-06-05", null, GDPR_EN, GDPR_KO, GDPR_JA],
  ["limit_sensitive", "EU", "1 months", "2027-04-05", "2027-06-05", null, GDPR_EN, GDPR_KO, GDPR_JA],

  ["access", "US-CA", "45 days", "2027-04-19", "2027-06-03", "2027-03-19", CCPA_EN, CCPA_KO, CCPA_JA],
  ["portability", "US-CA", "45 days", "2027-04-19", "2027-06-03", "2027-03-19", CCPA_EN, CCPA_KO, CCPA_JA],
  ["deletion", "US-CA", "45 days", "2027-04-19", "2027-06-03", "2027-03-19", CCPA_EN, CCPA_KO, CCPA_JA],
  ["rectification", "US-CA", "45 days", "2027-04-19", "2027-06-03", "2027-03-19", CCPA_EN, CCPA_KO, CCPA_JA],
  ["restriction", "US-CA", "45 days", "2027-04-19", "2027-06-03", null, CCPA_EN, CCPA_KO, CCPA_JA],
  ["objection", "US-CA", "45 days", "2027-04-19", "2027-06-03", null, CCPA_EN, CCPA_KO, CCPA_JA],
  [
    "opt_out_sale",
    "US-CA",
    "15 business-days",
    "2027-03-26",
    null,
    null,
    "CCPA §7026(f): 15 business days",
    "CCPA §7026(f): 영업일 15일 이내",
    "CCPA §7026(f): 15営業日以内",
  ],
  [
    "limit_sensitive",
    "US-CA",
    "15 business-days",
    "2027-03-26",
    null,
    null,
    "CCPA §7027(g): 15 business days",
    "CCPA §7027(g): 영업일 15일 이내",
    "CCPA §7027(g): 15営業日以内",
  ],

  [
    "access",
    "KR",
    "10 days",
    "2027-03-15",
    null,
    null,
    "PIPA Decree Art. 41: 10 days",
    "개인정보 보호법 시행령 제41조: 10일 이내",
    "韓国個人情報保護法施行令第41条: 10日以内",
  ],
  [
    "portability",
    "KR",
    "10 days",
    "2027-03-15",
    null,
    null,
    "PIPA Decree Art. 41: 10 days",
    "개인정보 보호법 시행령 제41조: 10일 이내",
    "韓国個人情報保護法施行令第41条: 10日以内",
  ],
  [
    "deletion",
    "KR",
    "10 days",
    "2027-03-15",
    null,
    null,
    "PIPA Decree Art. 43: 10 days",
    "개인정보 보호법 시행령 제43조: 10일 이내",
    "韓国個人情報保護法施行令第43条: 10日以内",
  ],
  [
    "rectification",
    "KR",
    "10 days",
    "2027-03-15",
    null,
    null,
    "PIPA Decree Art. 43: 10 days",
    "개인정보 보호법 시행령 제43조: 10일 이내",
    "韓国個人情報保護法施行令第43条: 10日以内",
  ],
  [
    "restriction",
    "KR",
    "10 days",
    "2027-03-15",
    null,
    null,
    "PIPA Decree Art. 44: 10 days",
    "개인정보 보호법 시행령 제44조: 10일 이내",
    "韓国個人情報保護法施行令第44条: 10日以内",
  ],
  [
    "objection",
    "KR",
    "10 days",
    "2027-03-15",
    null,
    null,
    "PIPA Decree Art. 44: 10 days",
    "개인정보 보호법 시행령 제44조: 10일 이내",
    "韓国個人情報保護法施行令第44条: 10日以内",
  ],
  [
    "opt_out_sale",
    "KR",
    "10 days",
    "2027-03-15",
    null,
    null,
    "PIPA Decree Art. 44: 10 days",
    "개인정보 보호법 시행령 제44조: 10일 이내",
    "韓国個人情報保護法施行令第44条: 10日以内",
  ],
  [
    "limit_sensitive",
    "KR",
    "10 days",
    "2027-03-15",
    null,
    null,
    "PIPA Decree Art. 44: 10 days",
    "개인정보 보호법 시행령 제44조: 10일 이내",
    "韓国個人情報保護法施行令第44条: 10日以内",
  ],

  [
    "access",
    "JP",
    "14 days",
    "2027-03-19",
    null,
    null,
    "APPI Art. 33: without delay (brand target 14 days)",
    "일본 개인정보보호법 제33조: 지체 없이 (자체 목표 14일)",
    "個人情報保護法第33条: 遅滞なく（自社目標14日）",
  ],
  [
    "portability",
    "JP",
    "14 days",
    "2027-03-19",
    null,
    null,
    "APPI Art. 33: without delay (brand target 14 days)",
    "일본 개인정보보호법 제33조: 지체 없이 (자체 목표 14일)",
    "個人情報保護法第33条: 遅滞なく（自社目標14日）",
  ],
  [
    "deletion",
    "JP",
    "14 days",
    "2027-03-19",
    null,
    null,
    "APPI Art. 35: without delay (brand target 14 days)",
    "일본 개인정보보호법 제35조: 지체 없이 (자체 목표 14일)",
    "個人情報保護法第35条: 遅滞なく（自社目標14日）",
  ],
  [
    "rectification",
    "JP",
    "14 days",
    "2027-03-19",
    null,
    null,
    "APPI Art. 34: without delay (brand target 14 days)",
    "일본 개인정보보호법 제34조: 지체 없이 (자체 목표 14일)",
    "個人情報保護法第34条: 遅滞なく（自社目標14日）",
  ],
  [
    "restriction",
    "JP",
    "14 days",
    "2027-03-19",
    null,
    null,
    "APPI Art. 35: without delay (brand target 14 days)",
    "일본 개인정보보호법 제35조: 지체 없이 (자체 목표 14일)",
    "個人情報保護法第35条: 遅滞なく（自社目標14日）",
  ],
  [
    "objection",
    "JP",
    "14 days",
    "2027-03-19",
    null,
    null,
    "APPI Art. 35: without delay (brand target 14 days)",
    "일본 개인정보보호법 제35조: 지체 없이 (자체 목표 14일)",
    "個人情報保護法第35条: 遅滞なく（自社目標14日）",
  ],
  [
    "opt_out_sale",
    "JP",
    "14 days",
    "2027-03-19",
    null,
    null,
    "APPI Art. 35: without delay (brand target 14 days)",
    "일본 개인정보보호법 제35조: 지체 없이 (자체 목표 14일)",
    "個人情報保護法第35条: 遅滞なく（自社目標14日）",
  ],
  [
    "limit_sensitive",
    "JP",
    "14 days",
    "2027-03-19",
    null,
    null,
    "APPI Art. 35: without delay (brand target 14 days)",
    "일본 개인정보보호법 제35조: 지체 없이 (자체 목표 14일)",
    "個人情報保護法第35条: 遅滞なく（自社目標14日）",
  ],

  ["access", "BR", "10 days", "2027-03-15", null, null, UNKNOWN_EN, UNKNOWN_KO, UNKNOWN_JA],
  ["portability", "BR", "10 days", "2027-03-15", null, null, UNKNOWN_EN, UNKNOWN_KO, UNKNOWN_JA],
  ["deletion", "BR", "10 days", "2027-03-15", null, null, UNKNOWN_EN, UNKNOWN_KO, UNKNOWN_JA],
  ["rectification", "BR", "10 days", "2027-03-15", null, null, UNKNOWN_EN, UNKNOWN_KO, UNKNOWN_JA],
  ["restriction", "BR", "10 days", "2027-03-15", null, null, UNKNOWN_EN, UNKNOWN_KO, UNKNOWN_JA],
  ["objection", "BR", "10 days", "2027-03-15", null, null, UNKNOWN_EN, UNKNOWN_KO, UNKNOWN_JA],
  ["opt_out_sale", "BR", "10 days", "2027-03-15", null, null, UNKNOWN_EN, UNKNOWN_KO, UNKNOWN_JA],
  ["limit_sensitive", "BR", "10 days", "2027-03-15", null, null, UNKNOWN_EN, UNKNOWN_KO, UNKNOWN_JA],
];

const translators = {
  en: createTranslator({ locale: "en", messages: catalogs.en, namespace: "requestDetail" }),
  ko: createTranslator({ locale: "ko", messages: catalogs.ko, namespace: "requestDetail" }),
  ja: createTranslator({ locale: "ja", messages: catalogs.ja, namespace: "requestDetail" }),
};
const tr = (locale: keyof typeof translators) => translators[locale] as unknown as ClockTranslate;
const period = (text: Row[2]): ClockPeriod => {
  const [count, unit] = text.split(" ");
  return { unit: unit as ClockPeriod["unit"], count: Number(count) };
};
const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

describe("every request type under every regime", () => {
  it("the table covers each type in each of the five regimes once", () => {
    expect(new Set(table.map(([type, j]) => `${type}/${j}`)).size).toBe(40);
    expect([...new Set(table.map(([type]) => type))].sort()).toEqual([...requestTypes].sort());
    expect([...new Set(table.map(([, j]) => clockRule({ jurisdiction: j, type: "access" }).regime))].sort()).toEqual([
      "appi",
      "ccpa",
      "gdpr",
      "pipa",
      "strictest",
    ]);
  });

  for (const [type, jurisdiction, text, due, extended, confirm, en, ko, ja] of table) {
    it(`${type} in ${jurisdiction} runs ${text} and is labelled "${en}"`, () => {
      const input = { jurisdiction, type, receivedAt, timeZone: "UTC" };
      const rule = clockRule(input);
      expect(rule.period).toEqual(period(text));
      expect(clockLabel(rule, tr("en"))).toBe(en);
      expect(clockLabel(rule, tr("ko"))).toBe(ko);
      expect(clockLabel(rule, tr("ja"))).toBe(ja);
      // The due date is the labelled period applied to the receipt, and the hand-computed date.
      expect(day(dueDate(input))).toBe(due);
      const applied = addPeriod(localDate(receivedAt, "UTC"), period(text));
      expect(dueDate(input)).toEqual(endOfLocalDay(applied, "UTC"));
      expect(day(extendedDueDate(input))).toBe(extended);
      expect(day(confirmReceiptBy(input))).toBe(confirm);
    });
  }
});

describe("labels", () => {
  it("uses the brand's own APPI target, singular when it is one day", () => {
    const rule = clockRule({ jurisdiction: "JP", type: "access", appiTargetDays: 1 });
    expect(clockLabel(rule, tr("en"))).toBe("APPI Art. 33: without delay (brand target 1 day)");
    expect(clockLabel(rule, tr("ko"))).toBe("일본 개인정보보호법 제33조: 지체 없이 (자체 목표 1일)");
    expect(clockLabel(rule, tr("ja"))).toBe("個人情報保護法第33条: 遅滞なく（自社目標1日）");
  });

  it("names the extension's length in each language", () => {
    expect(periodLabel({ unit: "months", count: 2 }, tr("en"))).toBe("2 months");
    expect(periodLabel({ unit: "months", count: 2 }, tr("ko"))).toBe("2개월");
    expect(periodLabel({ unit: "months", count: 2 }, tr("ja"))).toBe("2か月");
    expect(periodLabel({ unit: "business-days", count: 1 }, tr("en"))).toBe("1 business day");
    expect(tr("en")("extensionAvailable", { period: periodLabel({ unit: "days", count: 45 }, tr("en")) })).toBe(
      "Not used; one extension of 45 days is allowed",
    );
  });
});
