import fs from "node:fs";
import path from "node:path";
import { derivedKey, unseal } from "../../lib/security/seal";
import { replaceSealedLinks } from "../../lib/outbox/sealed-links";
import { e2eDatabasePath } from "./paths";

/**
 * A queued message's body as the mailer sends it, for a server that sends no mail: the outbox keeps
 * personal links (export downloads, status pages, invitations) sealed, so they are opened here with
 * the key the server derives from its secret (AUTH_SECRET, or data/…/auth-secret beside the store).
 */
export function bodyAsSent(body: string, store = e2eDatabasePath()): string {
  const secret = process.env.AUTH_SECRET ?? fs.readFileSync(path.join(path.dirname(store), "auth-secret"), "utf8").trim();
  return replaceSealedLinks(body, (sealed) => unseal(derivedKey(secret, "stored-secret"), sealed));
}
