import { execFileSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../connection";
import { appendAuditEntry, verifyAuditChain } from "./audit-chain";
import { createTempDatabase } from "../testing/temp-db";

const temp = createTempDatabase("audit");
afterAll(() => temp.cleanup());

function runVerify(): { code: number; output: string } {
  try {
    const out = execFileSync("npm", ["run", "--silent", "audit:verify"], {
      env: { ...process.env, DATABASE_PATH: temp.file },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { code: 0, output: out };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

describe("npm run audit:verify", () => {
  const db = openDatabase(temp.file);
  for (let i = 1; i <= 6; i++) {
    appendAuditEntry(db, {
      actorId: null,
      actorLabel: "test",
      action: "staff.create",
      targetType: "staff_user",
      targetId: i,
      details: { i },
    });
  }

  it("reports an intact chain", () => {
    expect(verifyAuditChain(db)).toEqual({ checked: 6, broken: null });
    const r = runVerify();
    expect(r.code).toBe(0);
    expect(r.output).toContain("intact: 6 entries");
  });

  it("refuses to edit or delete an entry through SQL", () => {
    expect(() => db.$client.prepare("UPDATE audit_log SET details = '{}' WHERE id = 2").run()).toThrow(/append-only/);
    expect(() => db.$client.prepare("DELETE FROM audit_log WHERE id = 2").run()).toThrow(/append-only/);
  });

  it("names exactly the entry that was edited in the database file", () => {
    // Someone with the file can drop the guard trigger; the chain still gives them away.
    db.$client.exec("DROP TRIGGER audit_log_no_update");
    db.$client.prepare("UPDATE audit_log SET details = ? WHERE id = 4").run(JSON.stringify({ i: 40 }));
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    const r = runVerify();
    expect(r.code).toBe(1);
    expect(r.output).toContain("BROKEN at entry #4");
    expect(r.output).not.toMatch(/#[1-35-6]\b/);
  });
});
