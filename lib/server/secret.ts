import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { config } from "./config";

/**
 * AUTH_SECRET when set; otherwise a random secret generated once into the
 * data folder beside the database, so a fresh clone signs in without setup.
 */
export function authSecret(): string {
  const { authSecret, databasePath } = config();
  if (authSecret) return authSecret;
  const file = path.join(path.dirname(databasePath), "auth-secret");
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
