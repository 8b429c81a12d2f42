import fs from "node:fs";
import { openDatabase } from "../connection";

/** How many staff accounts a store holds; 0 when the file or its tables do not exist yet. */
export function countStaffUsers(file: string): number {
  if (!fs.existsSync(file)) return 0;
  const db = openDatabase(file);
  try {
    const table = db.$client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'staff_users'").get();
    if (!table) return 0;
    return (db.$client.prepare("SELECT COUNT(*) AS n FROM staff_users").get() as { n: number }).n;
  } finally {
    db.$client.close();
  }
}
