import type { brandSettings } from "@/db/schema";

export const BRAND_TIME_ZONE = "Europe/Dublin";
export const APPI_TARGET_DAYS = 14;

/** Northtrail Outfitters, the demo brand: sells outdoor clothing in the EU, California, Korea and Japan. */
export function demoBrand(updatedAt: Date): typeof brandSettings.$inferInsert {
  return {
    id: 1,
    name: "Northtrail Outfitters",
    legalName: "Northtrail Outfitters Ltd.",
    address: "Unit 4, Harbour Yard, Grand Canal Dock, Dublin 2, D02 X285, Ireland",
    contactEmail: "privacy@northtrail.example",
    dpoEmail: "dpo@northtrail.example",
    websiteUrl: "https://northtrail.example",
    timeZone: BRAND_TIME_ZONE,
    defaultLocale: "en",
    enabledLocales: ["en", "ko", "ja"],
    allowedOrigins: ["http://localhost:3000", "https://northtrail.example"],
    appiTargetDays: APPI_TARGET_DAYS,
    unverifiedCloseDays: 21,
    // Northtrail writes to its Korean- and Japanese-speaking customers in California in their language, so its notices there are in it too.
    noticeLanguages: { "US-CA": ["ko", "ja"] },
    updatedAt,
  };
}
