import { describe, expect, it } from "vitest";
import { entryHash, findChainBreak, GENESIS_HASH, type ChainedFields } from "./chain";

function build(n: number) {
  const entries: (ChainedFields & { prevHash: string; hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let id = 1; id <= n; id++) {
    const fields: ChainedFields = {
      id,
      at: 1_700_000_000_000 + id,
      actorId: id % 2 ? 1 : null,
      actorLabel: "admin@example.com",
      action: "staff.create",
      targetType: "staff_user",
      targetId: String(id),
      outcome: "ok",
      details: JSON.stringify({ n: id }),
    };
    const hash = entryHash(prev, fields);
    entries.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return entries;
}

describe("audit hash chain", () => {
  it("accepts an untouched chain", () => {
    expect(findChainBreak(build(20))).toBeNull();
  });

  it("accepts an empty log", () => {
    expect(findChainBreak([])).toBeNull();
  });

  it("names the entry whose content was edited", () => {
    const entries = build(10);
    entries[6] = { ...entries[6], details: JSON.stringify({ n: 999 }) };
    expect(findChainBreak(entries)).toEqual({ id: 7, reason: "hash-mismatch" });
  });

  it("names the entry after one that was edited and re-hashed", () => {
    const entries = build(10);
    const forged = { ...entries[3], actorLabel: "someone-else" };
    entries[3] = { ...forged, hash: entryHash(forged.prevHash, forged) };
    expect(findChainBreak(entries)).toEqual({ id: 5, reason: "prev-mismatch" });
  });

  it("notices a removed entry", () => {
    const entries = build(10);
    entries.splice(4, 1);
    expect(findChainBreak(entries)).toEqual({ id: 6, reason: "prev-mismatch" });
  });

  it("binds every field into the hash", () => {
    const [e] = build(1);
    const base = entryHash(GENESIS_HASH, e);
    for (const key of Object.keys(e) as (keyof ChainedFields)[]) {
      if (!(key in e) || key === ("hash" as never) || key === ("prevHash" as never)) continue;
      const changed = { ...e, [key]: typeof e[key] === "number" ? (e[key] as number) + 1 : `${e[key]}x` };
      expect(entryHash(GENESIS_HASH, changed), key).not.toBe(base);
    }
  });
});
