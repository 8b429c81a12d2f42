/**
 * The brand's consent-receipt signing keys from the command line (issue 20):
 *   npm run receipt-key -- list      the current key and the retired ones still published
 *   npm run receipt-key -- rotate    retire the current key (kept published) and make a new one sign (audited)
 * The new private key is sealed under the server secret (AUTH_SECRET, or the generated one beside the
 * database), as the server seals it, so run this with the server's environment.
 */
import fs from "node:fs";
import { openDatabase, databasePath } from "@/db/connection";
import { listReceiptKeysIn, rotateReceiptKeyIn } from "@/db/receipts/keys";
import { newSealedReceiptKey } from "@/lib/server/receipt-key-sealing";

const usage = "usage: npm run receipt-key -- list | rotate";
const command = process.argv.slice(2).filter((a) => a !== "--");
if (command.length !== 1 || (command[0] !== "list" && command[0] !== "rotate")) {
  console.error(`receipt-key: ${command.length ? `unknown command "${command.join(" ")}"` : "no command"}\n${usage}`);
  process.exit(2);
}
const file = databasePath();
if (!fs.existsSync(file)) {
  console.error(`No database at ${file}. Set DATABASE_PATH or run npm run db:migrate first.`);
  process.exit(2);
}

async function main() {
  const db = openDatabase(file);
  try {
    if (command[0] === "rotate") {
      const key = rotateReceiptKeyIn(db, await newSealedReceiptKey(), { id: null, email: "cli" });
      console.log(`Rotated: key ${key.kid} signs receipts from now on (written to the audit log).`);
    }
    const keys = listReceiptKeysIn(db);
    if (keys.length === 0) console.log("No receipt signing key yet: the server makes one when it issues the first receipt.");
    for (const k of keys.reverse())
      console.log(
        `${k.retiredAt ? "retired" : "current"}  ${k.kid}  created ${k.createdAt.toISOString()}${k.retiredAt ? `  retired ${k.retiredAt.toISOString()}` : ""}`,
      );
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(`receipt-key: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
