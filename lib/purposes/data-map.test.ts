import { describe, expect, it } from "vitest";
import { categoriesInUse, minimizationHints } from "./data-map";

const p = (id: number, legalBasis: string, dataCategories: string[]) => ({ id, legalBasis, dataCategories });

describe("minimizationHints", () => {
  it("flags the purpose that collects more than every sibling with the same basis", () => {
    const hints = minimizationHints([
      p(1, "consent", ["contact", "preferences"]),
      p(2, "consent", ["contact", "preferences", "location", "device"]),
      p(3, "consent", ["contact"]),
      p(4, "contract", ["identity", "payment", "contact"]),
    ]);
    expect([...hints.keys()]).toEqual([2]);
    expect(hints.get(2)).toEqual({ extra: ["location", "device"], peers: 2 });
  });

  it("flags nothing when the largest purposes tie", () => {
    expect(minimizationHints([p(1, "consent", ["a", "b"]), p(2, "consent", ["c", "d"])]).size).toBe(0);
  });

  it("flags nothing for a basis with a single purpose", () => {
    expect(minimizationHints([p(1, "legal_obligation", ["identity", "payment", "order_history"])]).size).toBe(0);
  });
});

describe("categoriesInUse", () => {
  it("lists used categories in vocabulary order", () => {
    expect(categoriesInUse([p(1, "consent", ["payment", "contact"]), p(2, "consent", ["contact", "device"])])).toEqual([
      "contact",
      "payment",
      "device",
    ]);
  });
});
