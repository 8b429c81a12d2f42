/**
 * A trend split for drawing: the points that are over, and the one still counting (its span ends today or
 * later). A partial day or week is smaller because it is not over, not because anything fell, so a chart draws
 * the complete points only and states the partial one beside itself; its table keeps every row.
 * Only the last bucket of a period can reach today, so at most one point is partial.
 */
export function splitTrend<T>(rows: readonly T[], inProgress: (row: T) => boolean): { complete: T[]; partial: T | null } {
  const complete: T[] = [];
  let partial: T | null = null;
  for (const row of rows) {
    if (!inProgress(row)) complete.push(row);
    else partial ??= row;
  }
  return { complete, partial };
}
