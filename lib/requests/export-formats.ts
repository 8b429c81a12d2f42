/** Everything Candor holds on one subject, as the export link delivers it (SPEC §4: access and portability). */
export type SubjectExport = {
  generatedAt: string;
  request: { ref: string; type: string };
  profile: {
    id: string;
    email: string | null;
    externalId: string | null;
    name: string | null;
    phone: string | null;
    jurisdiction: string;
    locale: string;
    isMinor: boolean;
    guardianName: string | null;
    createdAt: string;
  };
  consents: {
    purpose: string;
    name: string;
    legalBasis: string;
    state: string;
    channels: string[];
    decidedAt: string | null;
    expiresAt: string | null;
  }[];
  events: {
    id: number;
    occurredAt: string;
    recordedAt: string;
    purpose: string;
    event: string;
    channel: string | null;
    source: string;
    jurisdiction: string;
    locale: string;
    gpc: boolean;
    noticeVersion: number;
    noticeLocale: string;
  }[];
  requests: { ref: string; type: string; status: string; receivedAt: string; dueAt: string; closedAt: string | null }[];
  messages: { createdAt: string; kind: string; subjectLine: string; toAddress: string }[];
  /** The recipients told about the person's choices, erasure and other requests (GDPR Art. 19, second sentence). */
  recipientsTold: {
    recipient: string;
    role: string;
    country: string;
    /** What was sent: an event type of lib/propagation/events.ts, such as subject.erased. */
    event: string;
    queuedAt: string;
    deliveredAt: string | null;
    /** The path that carried it: webhook, feed or email; null until it left. */
    via: string | null;
    /** queued, delivered, confirmed or parked (lib/propagation/vocabulary.ts). */
    acknowledgement: string;
    confirmedAt: string | null;
  }[];
};

export const exportFormats = ["json", "csv", "html"] as const;
export type ExportFormat = (typeof exportFormats)[number];

const CSV_COLUMNS = [
  "id",
  "occurredAt",
  "recordedAt",
  "purpose",
  "event",
  "channel",
  "source",
  "jurisdiction",
  "locale",
  "gpc",
  "noticeVersion",
  "noticeLocale",
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
 * A leading =, +, - or @ is prefixed with ' so a spreadsheet never runs it as a formula.
 */
export function csvField(value: unknown): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const RECIPIENT_COLUMNS = [
  "recipient",
  "role",
  "country",
  "event",
  "queuedAt",
  "deliveredAt",
  "via",
  "acknowledgement",
  "confirmedAt",
] as const;

/**
 * Two tables, each with its header row, apart by one empty line: the consent ledger events, then the
 * recipients told about the person (Art. 19). CRLF line ends as RFC 4180 asks.
 */
export function exportToCsv(data: SubjectExport): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const e of data.events) lines.push(CSV_COLUMNS.map((c) => csvField(e[c])).join(","));
  lines.push("", RECIPIENT_COLUMNS.join(","));
  for (const r of data.recipientsTold) lines.push(RECIPIENT_COLUMNS.map((c) => csvField(r[c])).join(","));
  return lines.join("\r\n") + "\r\n";
}

/** Text made safe for HTML element content and quoted attributes. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function table(caption: string, headers: string[], rows: unknown[][], note?: string): string {
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
  const body = rows.length
    ? rows.map((r) => `<tr>${r.map((v) => `<td>${escapeHtml(v)}</td>`).join("")}</tr>`).join("\n")
    : `<tr><td colspan="${headers.length}">None</td></tr>`;
  const described = note ? `${escapeHtml(caption)}<br><span style="font-weight:normal">${escapeHtml(note)}</span>` : escapeHtml(caption);
  return `<table><caption>${described}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** A readable, self-contained HTML summary of the export; every value is escaped. */
export function exportToHtml(data: SubjectExport, brandName: string): string {
  const p = data.profile;
  const profileRows: [string, unknown][] = [
    ["Email", p.email],
    ["Customer id", p.externalId],
    ["Name", p.name],
    ["Phone", p.phone],
    ["Jurisdiction", p.jurisdiction],
    ["Language", p.locale],
    ["Minor", p.isMinor ? "yes" : "no"],
    ["Known since", p.createdAt],
  ];
  return `<!doctype html>
<html lang="${escapeHtml(p.locale)}"><head><meta charset="utf-8"><title>${escapeHtml(`${brandName}: your data (${data.request.ref})`)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}caption{font-weight:bold;text-align:left}</style>
</head><body>
<h1>${escapeHtml(`Everything ${brandName} holds about you`)}</h1>
<p>${escapeHtml(`Request ${data.request.ref}, produced ${data.generatedAt}.`)}</p>
${table(
  "Profile",
  ["Field", "Value"],
  profileRows.map(([k, v]) => [k, v ?? "—"]),
)}
${table(
  "Current choices",
  ["Purpose", "Legal basis", "State", "Channels", "Decided", "Expires"],
  data.consents.map((c) => [c.name, c.legalBasis, c.state, c.channels.join(", "), c.decidedAt ?? "—", c.expiresAt ?? "—"]),
)}
${table(
  "Consent history",
  ["When", "Purpose", "Event", "Channel", "Source", "Notice version"],
  data.events.map((e) => [e.occurredAt, e.purpose, e.event, e.channel ?? "—", e.source, `v${e.noticeVersion} (${e.noticeLocale})`]),
)}
${table(
  "Your requests",
  ["Reference", "Type", "Status", "Received", "Closed"],
  data.requests.map((r) => [r.ref, r.type, r.status, r.receivedAt, r.closedAt ?? "—"]),
)}
${table(
  "Messages we sent you",
  ["When", "Kind", "Subject"],
  data.messages.map((m) => [m.createdAt, m.kind, m.subjectLine]),
)}
${table(
  "Companies we told about your choices and requests",
  ["Company", "Role", "Country", "What we told them", "Queued", "Sent", "How", "Acknowledgement", "Confirmed"],
  data.recipientsTold.map((r) => [
    r.recipient,
    r.role,
    r.country,
    r.event,
    r.queuedAt,
    r.deliveredAt ?? "—",
    r.via ?? "—",
    r.acknowledgement,
    r.confirmedAt ?? "—",
  ]),
  "When you withdraw a choice, correct, restrict or erase your data, we tell each company that received it.",
)}
</body></html>
`;
}
