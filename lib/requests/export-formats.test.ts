import { describe, expect, it } from "vitest";
import { csvField, escapeHtml, exportToCsv, exportToHtml, type SubjectExport } from "./export-formats";

const sample: SubjectExport = {
  generatedAt: "2025-03-01T10:00:00.000Z",
  request: { ref: "REQ-2025-00001", type: "access" },
  profile: {
    id: "u1",
    email: "ana@example.com",
    externalId: null,
    name: '<script>alert("x")</script>',
    phone: null,
    jurisdiction: "EU",
    locale: "en",
    isMinor: false,
    guardianName: null,
    createdAt: "2024-01-01T00:00:00.000Z",
  },
  consents: [
    {
      purpose: "newsletter",
      name: "Newsletter",
      legalBasis: "consent",
      state: "granted",
      channels: ["email"],
      decidedAt: "2024-01-01T00:00:00.000Z",
      expiresAt: null,
    },
  ],
  events: [
    {
      id: 1,
      occurredAt: "2024-01-01T00:00:00.000Z",
      recordedAt: "2024-01-01T00:00:01.000Z",
      purpose: "newsletter",
      event: "granted",
      channel: "email",
      source: "banner",
      jurisdiction: "EU",
      locale: "en",
      gpc: false,
      noticeVersion: 2,
      noticeLocale: "en",
    },
    {
      id: 2,
      occurredAt: "2024-02-01T00:00:00.000Z",
      recordedAt: "2024-02-01T00:00:01.000Z",
      purpose: 'a,b "c"',
      event: "withdrawn",
      channel: null,
      source: "api",
      jurisdiction: "EU",
      locale: "en",
      gpc: true,
      noticeVersion: 2,
      noticeLocale: "en",
    },
  ],
  requests: [
    {
      ref: "REQ-2025-00001",
      type: "access",
      status: "in_progress",
      receivedAt: "2025-02-01T00:00:00.000Z",
      dueAt: "2025-03-01T23:59:59.999Z",
      closedAt: null,
    },
  ],
  messages: [],
  recipientsTold: [
    {
      recipient: "Mailbird, Inc.",
      role: "processor",
      country: "US",
      event: "consent.changed",
      queuedAt: "2024-02-01T00:00:01.000Z",
      deliveredAt: "2024-02-01T00:00:03.000Z",
      via: "webhook",
      acknowledgement: "confirmed",
      confirmedAt: "2024-02-01T00:05:00.000Z",
    },
    {
      recipient: "=Adnet",
      role: "third_party",
      country: "DE",
      event: "consent.changed",
      queuedAt: "2024-02-01T00:00:01.000Z",
      deliveredAt: null,
      via: null,
      acknowledgement: "queued",
      confirmedAt: null,
    },
  ],
};

describe("csvField", () => {
  it("quotes commas, quotes and line breaks, doubling inner quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvField(null)).toBe("");
    expect(csvField(false)).toBe("false");
  });

  it("defuses values a spreadsheet would run as a formula", () => {
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("@SUM")).toBe("'@SUM");
  });
});

describe("exportToCsv", () => {
  it("writes a header and one CRLF-ended row per ledger event", () => {
    const lines = exportToCsv(sample).split("\r\n");
    expect(lines[0]).toBe("id,occurredAt,recordedAt,purpose,event,channel,source,jurisdiction,locale,gpc,noticeVersion,noticeLocale");
    expect(lines[1]).toBe("1,2024-01-01T00:00:00.000Z,2024-01-01T00:00:01.000Z,newsletter,granted,email,banner,EU,en,false,2,en");
    expect(lines[2]).toBe('2,2024-02-01T00:00:00.000Z,2024-02-01T00:00:01.000Z,"a,b ""c""",withdrawn,,api,EU,en,true,2,en');
    expect(lines[3]).toBe("");
  });

  it("follows the ledger with the recipients told about the person, after one empty line", () => {
    const lines = exportToCsv(sample).split("\r\n");
    expect(lines.slice(3)).toEqual([
      "",
      "recipient,role,country,event,queuedAt,deliveredAt,via,acknowledgement,confirmedAt",
      '"Mailbird, Inc.",processor,US,consent.changed,2024-02-01T00:00:01.000Z,2024-02-01T00:00:03.000Z,webhook,confirmed,2024-02-01T00:05:00.000Z',
      "'=Adnet,third_party,DE,consent.changed,2024-02-01T00:00:01.000Z,,,queued,",
      "",
    ]);
  });

  it("keeps the recipients' header when nobody was told", () => {
    const lines = exportToCsv({ ...sample, recipientsTold: [] }).split("\r\n");
    expect(lines.slice(-3)).toEqual(["", "recipient,role,country,event,queuedAt,deliveredAt,via,acknowledgement,confirmedAt", ""]);
  });
});

describe("exportToHtml", () => {
  it("escapes every value, so stored text never becomes markup", () => {
    const html = exportToHtml(sample, "Northtrail & Co");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("Northtrail &amp; Co");
    expect(html).toContain("v2 (en)");
    expect(html).toContain("REQ-2025-00001");
  });

  it("lists each recipient told, with what it was sent, when, how, and its acknowledgement", () => {
    const html = exportToHtml(sample, "B");
    const section = html.slice(html.indexOf("Companies we told"));
    expect(section).toContain("<td>Mailbird, Inc.</td><td>processor</td><td>US</td><td>consent.changed</td>");
    expect(section).toContain("<td>webhook</td><td>confirmed</td><td>2024-02-01T00:05:00.000Z</td>");
    expect(section).toContain(
      "<td>=Adnet</td><td>third_party</td><td>DE</td><td>consent.changed</td><td>2024-02-01T00:00:01.000Z</td><td>—</td><td>—</td><td>queued</td>",
    );
  });

  it("says None for an empty section", () => {
    expect(exportToHtml(sample, "B")).toContain('<td colspan="3">None</td>');
    expect(escapeHtml("'")).toBe("&#39;");
  });
});
