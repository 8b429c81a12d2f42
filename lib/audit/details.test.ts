import { describe, expect, it } from "vitest";
import { auditDetailLines } from "./details";

describe("auditDetailLines", () => {
  it("shows nothing for an entry without details", () => {
    expect(auditDetailLines("{}")).toEqual([]);
    expect(auditDetailLines("")).toEqual([]);
  });

  it("gives each field its own line, in stored order, strings without quotes", () => {
    expect(auditDetailLines('{"role":"privacy_officer","target":"/admin/purposes/new"}')).toEqual([
      { key: "role", value: "privacy_officer" },
      { key: "target", value: "/admin/purposes/new" },
    ]);
  });

  it("writes numbers, booleans and null as values, null as a dash", () => {
    expect(auditDetailLines('{"version":1,"material":false,"from":null}')).toEqual([
      { key: "version", value: "1" },
      { key: "material", value: "false" },
      { key: "from", value: "—" },
    ]);
  });

  it("flattens nested objects to dotted keys and joins lists of plain values", () => {
    const details = JSON.stringify({
      outboxBodies: 344,
      policy: { codeGraceHours: 24, nested: { deep: "yes" }, none: {} },
      allowedOrigins: ["http://localhost:3000", "https://northtrail.example"],
      changes: [{ field: "email" }],
    });
    expect(auditDetailLines(details)).toEqual([
      { key: "outboxBodies", value: "344" },
      { key: "policy.codeGraceHours", value: "24" },
      { key: "policy.nested.deep", value: "yes" },
      { key: "policy.none", value: "{}" },
      { key: "allowedOrigins", value: "http://localhost:3000, https://northtrail.example" },
      { key: "changes", value: '[{"field":"email"}]' },
    ]);
  });

  it("keeps text that is not a JSON object as one unnamed line rather than dropping it", () => {
    expect(auditDetailLines("not json")).toEqual([{ key: "", value: "not json" }]);
    expect(auditDetailLines("[1,2]")).toEqual([{ key: "", value: "[1,2]" }]);
    expect(auditDetailLines('"text"')).toEqual([{ key: "", value: '"text"' }]);
  });
});
