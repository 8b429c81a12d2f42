import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("the dashboards in the OpenAPI document", () => {
  const doc = buildOpenApiDocument() as Json;

  it("documents a suppressed figure as null, named in the row's suppressed list, with the k that applied", () => {
    const row = doc.components.schemas.SuppressedRow;
    expect(row.properties.suppressed).toEqual(expect.objectContaining({ type: "array", items: { type: "string" } }));
    expect(row.properties.granted.type).toEqual(["integer", "null"]);
    expect(row.properties.optInRate.type).toEqual(["number", "null"]);
    expect(row.description).toMatch(/< k/);
    expect(doc.components.schemas.Suppression.required).toEqual(["k", "exact"]);
    expect(doc.components.schemas.Suppression.properties.k.minimum).toBe(5);
  });

  it("puts the consent views behind a staff session, each answer carrying its suppression", () => {
    for (const path of ["/api/admin/consent-analytics", "/api/admin/consent-analytics/purpose"]) {
      const get = doc.paths[path].get;
      expect(get.security).toEqual([{ staffSession: [] }]);
      expect(Object.keys(get.responses).sort()).toEqual(["200", "401", "403", "422"]);
      expect(get.responses["200"].content["application/json"].schema.properties.suppression).toEqual({
        $ref: "#/components/schemas/Suppression",
      });
    }
    const purpose = (p: string) => doc.paths[p].get.parameters.find((x: Json) => x.name === "purpose").required;
    expect([purpose("/api/admin/consent-analytics"), purpose("/api/admin/consent-analytics/purpose")]).toEqual([false, true]);
  });
});
