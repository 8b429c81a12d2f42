/** The key a series' still-counting part is drawn under. */
export const soFarKey = (key: string) => `${key}__soFar`;

/**
 * Splits each series of a trend for drawing: complete points keep their key; the
 * points still counting, joined to the last complete one, move to `soFarKey(key)`,
 * so the chart can draw that stretch dashed instead of as a real fall or rise.
 * Rows are not changed; with no point in progress, the rows come back as they are.
 */
export function splitInProgress<T extends object>(
  rows: readonly T[],
  keys: readonly (keyof T & string)[],
  inProgress: (row: T) => boolean,
): (T & Record<string, unknown>)[] {
  const first = rows.findIndex(inProgress);
  if (first === -1) return rows.map((r) => ({ ...r }) as T & Record<string, unknown>);
  return rows.map((row, i) => {
    const out: Record<string, unknown> = { ...(row as Record<string, unknown>) };
    for (const key of keys) {
      out[soFarKey(key)] = i >= first - 1 ? row[key] : null;
      if (i >= first) out[key] = null;
    }
    return out as T & Record<string, unknown>;
  });
}

/** Tooltip entries for a split trend: one per series, the complete value where there is one. */
export function dedupeSeriesEntries<E extends { dataKey?: unknown; value?: unknown }>(entries: readonly E[]): E[] {
  const seen = new Set<string>();
  const base = (e: E) => String(e.dataKey ?? "").replace(/__soFar$/, "");
  return entries.filter((e) => e.value !== null && e.value !== undefined && !seen.has(base(e)) && (seen.add(base(e)), true));
}
