import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** A pass/fail bound; checked against the ratio when the metric declares one, else against the value. */
export type Target = { min?: number; max?: number };

export type Metric = {
  /** Unique across the run, e.g. "limit.raw-insert"; ratios refer to metrics by this name. */
  name: string;
  value: number;
  unit: string;
  /** Divide this metric's value by the named metric's value (a limit measured earlier in the run). */
  ratioTo?: string;
  target?: Target;
  details?: Record<string, unknown>;
};

export type ScoredMetric = Metric & { ratio?: number; pass?: boolean };

export type MachineInfo = {
  platform: string;
  arch: string;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  sqlite: string;
  next: string;
};

export type BenchReport = {
  startedAt: string;
  finishedAt: string;
  options: Record<string, unknown>;
  machine: MachineInfo;
  metrics: ScoredMetric[];
  skipped: { name: string; reason: string }[];
  failures: { name: string; error: string }[];
};

export function machineInfo(sqlite: string): MachineInfo {
  const cpus = os.cpus();
  let next = "unknown";
  try {
    const file = path.join(process.cwd(), "node_modules", "next", "package.json");
    next = (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
  } catch {
    // Only informative; a missing version must not sink the run.
  }
  return {
    platform: `${os.type()} ${os.release()}`,
    arch: os.arch(),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    sqlite,
    next,
  };
}

/** Resolves ratios after the fact, so a metric may name any limit regardless of run order. */
export function scoreMetrics(metrics: Metric[]): ScoredMetric[] {
  const byName = new Map(metrics.map((m) => [m.name, m]));
  return metrics.map((metric) => {
    const base = metric.ratioTo ? byName.get(metric.ratioTo) : undefined;
    const ratio = base && base.value !== 0 ? metric.value / base.value : undefined;
    const checked = metric.ratioTo ? ratio : metric.value;
    const { target } = metric;
    const pass =
      target && checked !== undefined
        ? (target.min === undefined || checked >= target.min) && (target.max === undefined || checked <= target.max)
        : undefined;
    return { ...metric, ratio, pass };
  });
}

const formatNumber = (value: number): string => {
  if (!Number.isFinite(value)) return String(value);
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
};

function formatTarget(metric: ScoredMetric): string {
  const { target } = metric;
  if (!target) return "";
  const of = metric.ratioTo ? `× ${metric.ratioTo}` : metric.unit;
  const bounds = [target.min !== undefined && `≥ ${target.min}`, target.max !== undefined && `≤ ${target.max}`];
  const verdict = metric.pass === undefined ? "" : metric.pass ? "  pass" : "  FAIL";
  return `${bounds.filter(Boolean).join(", ")} ${of}${verdict}`;
}

/** The human-readable table; numbers right-aligned so runs can be compared by eye. */
export function formatTable(report: BenchReport): string {
  const header = ["metric", "value", "unit", "ratio", "target"];
  const rows = report.metrics.map((m) => [
    m.name,
    formatNumber(m.value),
    m.unit,
    m.ratio === undefined ? (m.ratioTo ? "n/a" : "") : `${formatNumber(m.ratio)}×`,
    formatTarget(m),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const rightAligned = new Set([1, 3]);
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (rightAligned.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  const out = [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
  for (const s of report.skipped) out.push(`skipped ${s.name}: ${s.reason}`);
  // First line only: the full error (often a server log tail) is in the log above and in the JSON.
  for (const f of report.failures) out.push(`FAILED  ${f.name}: ${f.error.split("\n")[0]}`);
  const m = report.machine;
  out.push(`machine: ${m.cpus}× ${m.cpuModel}, ${m.memoryGb} GB, node ${m.node}, sqlite ${m.sqlite}, next ${m.next}`);
  return out.join("\n");
}

/** Writes bench-<timestamp>.json and latest.json; colons are left out so the name works on every OS. */
export function writeReport(report: BenchReport, dir = path.join(process.cwd(), "bench-results")): string {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, "-");
  const file = path.join(dir, `bench-${stamp}.json`);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  fs.writeFileSync(file, json);
  fs.writeFileSync(path.join(dir, "latest.json"), json);
  return file;
}
