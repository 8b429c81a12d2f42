import "server-only";
import { purposeName } from "@/lib/purposes/titles";
import { getPurposeTitles } from "@/lib/server/purpose-titles";
import { listIncidentChoices } from "@/db/incidents";
import { getBrandSettings } from "@/db/staff";

/** What the register form offers and needs: purposes named in the reader's language, recipients, the brand's zone. */
export async function registerFormContext() {
  const [choices, titles, brand] = await Promise.all([listIncidentChoices(), getPurposeTitles(), getBrandSettings()]);
  return {
    timeZone: brand?.timeZone ?? "UTC",
    purposes: choices.purposes.map((p) => ({ value: String(p.id), label: purposeName(p, titles) })),
    recipients: choices.recipients.map((r) => ({ value: String(r.id), label: `${r.name} (${r.country})` })),
  };
}
