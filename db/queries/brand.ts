import "server-only";
import { eq } from "drizzle-orm";
import { db } from "../client";
import { brandSettings, type BrandSettings } from "../schema";

/** The brand this installation serves (one row), or undefined before setup. */
export function getBrandSettings(): BrandSettings | undefined {
  return db.select().from(brandSettings).where(eq(brandSettings.id, 1)).get();
}
