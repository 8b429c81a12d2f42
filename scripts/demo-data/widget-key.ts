import type { apiKeys } from "@/db/schema";
import { hashApiKey, PREFIX_LENGTH } from "@/lib/api-keys/keys";
import { DEMO_PUBLISHABLE_KEY, DEMO_PUBLISHABLE_KEY_NAME } from "@/lib/widget/demo-key";

/**
 * The publishable key the Northtrail website (and /embed/demo) embeds the
 * consent widget with. Its plaintext is a published constant so the demo
 * works on a fresh store; only its hash is stored, like any key's. Allowed:
 * the brand's own origins, and any localhost port so a developer can try the
 * snippet on a local page. Candor's own origin needs no entry (see lib/widget/origins.ts).
 */
export function demoWidgetKey(
  brandOrigins: readonly string[],
  createdAt: Date,
  createdById: number,
): typeof apiKeys.$inferInsert & { id: number } {
  return {
    id: 1,
    name: DEMO_PUBLISHABLE_KEY_NAME,
    kind: "publishable",
    prefix: DEMO_PUBLISHABLE_KEY.slice(0, PREFIX_LENGTH),
    keyHash: hashApiKey(DEMO_PUBLISHABLE_KEY),
    allowedOrigins: [...new Set([...brandOrigins, "http://localhost:*"])],
    createdById,
    createdAt,
  };
}
