import fs from "node:fs";
import { openDatabase, databasePath } from "@/db/connection";
import { verifyAuditChain } from "@/db/staff/audit-chain";

// Walks the audit log's hash chain and names the first entry that does not fit.
// Exit codes: 0 intact, 1 broken, 2 no database.
const file = databasePath();
if (!fs.existsSync(file)) {
  console.error(`No database at ${file}. Set DATABASE_PATH or run npm run demo first.`);
  process.exit(2);
}
const db = openDatabase(file);
const { checked, broken } = verifyAuditChain(db);
db.$client.close();
if (broken) {
  const why =
    broken.reason === "hash-mismatch"
      ? "its content does not match its hash (the entry was edited)"
      : "it does not link to the entry before it (an entry before it was edited, removed or inserted)";
  console.error(`Audit chain BROKEN at entry #${broken.id}: ${why}. Checked ${checked} entries.`);
  process.exit(1);
}
console.log(`Audit chain intact: ${checked} entries checked.`);
