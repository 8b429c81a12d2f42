/**
 * Seeds the demo store only when it has no staff accounts yet, so re-running
 * `npm run demo` keeps whatever data is already there.
 */
import { databasePath } from "@/db/connection";
import { countStaffUsers } from "@/db/seed/status";
import { seedDemo, type SeedOptions } from "./demo-data/seed-demo";
import { demoPassword, demoStaff } from "./demo-data/staff";

/** Seeds `file` with the demo (default sizes unless given) when it holds no staff; returns whether it seeded. */
export async function ensureDemoData(file = databasePath(), options: Omit<SeedOptions, "file"> = {}): Promise<boolean> {
  const staff = countStaffUsers(file);
  if (staff > 0) {
    console.log(`Demo data present in ${file} (${staff} staff accounts); keeping it.`);
    return false;
  }
  console.log(`No staff accounts in ${file}: seeding the demo…`);
  const summary = await seedDemo({ ...options, file });
  console.log(
    `Seeded in ${(summary.ms / 1000).toFixed(1)} s: ${summary.counts.subjects} subjects, ${summary.counts.consent_events} consent events.`,
  );
  console.log(`Sign in as ${demoStaff.map((s) => s.email).join(", ")} with the password "${demoPassword}".`);
  return true;
}

if (require.main === module) {
  ensureDemoData().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
