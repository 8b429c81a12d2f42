import { describe, expect, it } from "vitest";
import { csvFileName, toCsv } from "./csv";

describe("toCsv", () => {
  it("writes a header and rows with CRLF, quoting commas, quotes and line breaks", () => {
    const csv = toCsv(
      [
        { key: "name", label: "Purpose" },
        { key: "n", label: "Grants, total" },
      ],
      [
        { name: 'Say "hi"', n: 3 },
        { name: "a\nb", n: null },
      ],
    );
    expect(csv).toBe('Purpose,"Grants, total"\r\n"Say ""hi""",3\r\n"a\nb",\r\n');
  });

  it("defuses text a spreadsheet would run as a formula, but not negative numbers", () => {
    expect(toCsv([{ key: "v", label: "v" }], [{ v: "=HYPERLINK(1)" }, { v: -2 }])).toBe("v\r\n'=HYPERLINK(1)\r\n-2\r\n");
  });
});

describe("csvFileName", () => {
  it("names the chart and the period", () => {
    expect(csvFileName("opt-in by purpose", { from: "2026-01-01", to: "2026-01-31" })).toBe("opt-in-by-purpose_2026-01-01_2026-01-31.csv");
  });
});
