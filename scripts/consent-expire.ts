import { openDatabase, databasePath } from "@/db/connection";
import { ConsentLedger } from "@/db/consent/ledger/record";

// Expires grants whose validity has run out (e.g. Korea's two-year marketing
// re-confirmation). Safe to run while the app serves; run it daily from cron.
const db = openDatabase(databasePath());
const started = Date.now();
const count = new ConsentLedger(db).expire();
db.$client.close();
console.log(`Expired ${count} grant${count === 1 ? "" : "s"} in ${Date.now() - started} ms.`);
