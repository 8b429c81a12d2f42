import "server-only";
import { sealedLinkMarker } from "@/lib/outbox/sealed-links";
import { sealSecret } from "./sealing";

/**
 * A one-time or personal link as a queued message carries it: sealed with the server's key until the
 * mailer sends it (lib/outbox/sealed-links.ts), so staff who may read the outbox but not a person's
 * data never see a working export or status link there.
 */
export function sealLink(link: string): string {
  return sealedLinkMarker(sealSecret(link));
}
