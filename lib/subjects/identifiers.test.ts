import { describe, expect, it } from "vitest";
import { identifierHash } from "./identifiers";

// Stored tombstones hold these hashes: a change of algorithm or normalization would let an erased person be recorded again.
describe("identifierHash", () => {
  it("gives the stored SHA-256 of kind and trimmed, lower-cased email", () => {
    expect(identifierHash("email", " Ana@Example.COM ")).toBe("f8c3c203b618ed9eaf039e298b665216b3a0d3bd974458615de998e9a14f7c62");
    expect(identifierHash("email", "ana@example.com")).toBe(identifierHash("email", " Ana@Example.COM "));
  });

  it("keeps an external id's case and hashes its UTF-8 text", () => {
    expect(identifierHash("external_id", " cust-42 ")).toBe("b6e7d47a2b6ca6d8e8c7551960a1fea8b13bc7900e58e4627381cd2c866ddb37");
    expect(identifierHash("external_id", "Ünïcode-顧客")).toBe("590130888297486c2cc805f523230202f40b354ad56891b3fd90341db7bbea27");
    expect(identifierHash("external_id", "CUST-42")).not.toBe(identifierHash("external_id", "cust-42"));
  });

  it("never gives an email and an external id with the same text the same hash", () => {
    expect(identifierHash("email", "a@b.co")).not.toBe(identifierHash("external_id", "a@b.co"));
  });
});
