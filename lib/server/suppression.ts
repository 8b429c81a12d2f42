import "server-only";
import { suppressionFor } from "@/lib/metrics/consent-suppression";
import { suppressionK } from "@/lib/metrics/suppression";
import { getBrandSettings } from "@/db/staff";
import { getCurrentUser } from "./session";

/**
 * The k at which this reader's consent figures are suppressed (issue 20), or null for exact figures: only a
 * holder of "consent-analytics:read-exact" (the privacy officer) reads them exact; anyone else, or no one
 * known, gets the brand's k. `brandK` is the setting itself, which the page names in its note.
 */
export async function readerSuppression(): Promise<{ k: number | null; brandK: number }> {
  const [user, brand] = await Promise.all([getCurrentUser(), getBrandSettings()]);
  const brandK = brand?.suppressionK ?? suppressionK.default;
  return { k: suppressionFor(user?.role, brandK), brandK };
}
