import "server-only";
import fs from "node:fs";
import path from "node:path";
import { createHmac, randomBytes } from "node:crypto";
import { config } from "./config";
import { authSecret } from "./secret";

/** A configured secret, or one generated once into the data folder (mode 600) and reused, like AUTH_SECRET. */
function fileSecret(configured: string | undefined, fileName: string): string {
  if (configured) return configured;
  const file = path.join(path.dirname(config().databasePath), fileName);
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      // Another process wrote it first: use theirs.
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}

/** The secret the brand's own site signs preference-center links with; never shown in the UI. */
export function preferencesLinkSecret(): string {
  return fileSecret(config().preferencesLinkSecret, "preferences-link-secret");
}

/**
 * Server-only keys for subject session cookies and one-time code hashes,
 * derived from AUTH_SECRET so they need no setup and differ from the link
 * secret the brand's site holds.
 */
export function preferencesKey(use: "session" | "code"): Buffer {
  return createHmac("sha256", authSecret()).update(`candor:preferences:${use}:v1`).digest();
}
