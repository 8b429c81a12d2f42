import { describe, expect, it } from "vitest";
import type { LegalBasis } from "../purposes/vocabulary";
import { shapeWidgetConfig, type NoticeForWidget } from "./config";

const layer = { what: "Your email.", why: "To write to you.", benefit: "News first.", retention: "Until you stop." };
const notice = (key: string, legalBasis: LegalBasis, extra: Partial<NoticeForWidget["purpose"]> = {}, locale = "ko"): NoticeForWidget => ({
  purpose: { key, legalBasis, saleOrSharing: false, validityDays: null, materialChangeAt: null, ...extra },
  version: { version: 2, title: `${key} title`, shortLayer: layer },
  locale,
});

describe("shapeWidgetConfig", () => {
  const config = shapeWidgetConfig({
    brandName: "Northtrail Outfitters",
    locale: "ko",
    origin: "https://candor.example",
    notices: [
      notice("order_fulfilment", "contract"),
      notice("fraud_prevention", "legitimate_interests"),
      notice("marketing_messages", "consent", { validityDays: 730, materialChangeAt: new Date(Date.UTC(2026, 1, 1)) }),
      notice("ad_partner_sharing", "consent", { saleOrSharing: true }, "en"),
    ],
  });

  it("asks only about purposes based on consent", () => {
    expect(config.purposes.map((p) => p.key)).toEqual(["marketing_messages", "ad_partner_sharing"]);
  });

  it("carries the short layer, the version shown and what re-asking needs", () => {
    expect(config.purposes[0]).toEqual({
      key: "marketing_messages",
      title: "marketing_messages title",
      ...layer,
      lang: "ko",
      version: 2,
      saleOrSharing: false,
      changedAt: Date.UTC(2026, 1, 1),
      validDays: 730,
    });
  });

  it("says when a purpose's text fell back to another language, and marks sale or sharing", () => {
    expect(config.purposes[1]).toMatchObject({ lang: "en", saleOrSharing: true, changedAt: null, validDays: null });
  });

  it("names the brand and links the public notices on Candor's own origin", () => {
    expect(config.brand).toEqual({ name: "Northtrail Outfitters" });
    expect(config.notices).toBe("https://candor.example/notices");
    expect(config.locale).toBe("ko");
  });
});
