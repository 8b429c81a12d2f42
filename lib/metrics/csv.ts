export type CsvColumn<T> = { key: keyof T & string; label: string };

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV: a header of labels, then one line per row, CRLF line ends, text that would run as a formula defused. */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => cell(c.label)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c.key])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** A file name for a chart's data: the chart's id and the period, safe on every system. */
export function csvFileName(chart: string, period: { from: string; to: string }): string {
  return `${chart.replace(/[^a-z0-9-]+/gi, "-")}_${period.from}_${period.to}.csv`;
}
