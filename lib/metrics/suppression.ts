import { z } from "zod";
import { formInt } from "../forms";

/**
 * k, the smallest figure a consent breakdown shows to marketing and executives (issue 20): a brand setting,
 * 10 unless the brand chooses otherwise, never under 5 (a cell of 3 or 4 choices is about a handful of people).
 */
export const suppressionK = { default: 10, min: 5, max: 1000 } as const;

/** The brand settings form's field. */
export const suppressionKSchema = z.object({ suppressionK: formInt(suppressionK.min, suppressionK.max) });
export type SuppressionKInput = z.infer<typeof suppressionKSchema>;

/**
 * A sum a view shows or implies: `total` is the sum of `parts` (a row or column with its total, or the same
 * total broken down two ways). The parts may fall short of the total (figures outside every part): the check
 * below then treats the group as if they did not, which only ever hides more.
 */
export type SumGroup = { total: string; parts: readonly string[] };

/** What a view says about its small cells: their k, and whether figures are exact (privacy officers) or suppressed. */
export type Suppression = { k: number; exact: boolean };

/**
 * What a group lets a reader learn by subtraction, if anything: with its total shown, the gap (total minus
 * the shown parts) is the hidden parts' sum, which must not be small nor equal one hidden part; with its
 * total hidden, the parts must not all be shown (their sum would be the total).
 */
function leaks(g: SumGroup, cells: ReadonlyMap<string, number>, hidden: ReadonlySet<string>, k: number): boolean {
  const hiddenParts = g.parts.filter((p) => hidden.has(p));
  if (hidden.has(g.total)) return g.parts.length > 0 && hiddenParts.length === 0;
  if (hiddenParts.length === 0) return false;
  const gap = g.parts.reduce((sum, p) => (hidden.has(p) ? sum : sum - (cells.get(p) ?? 0)), cells.get(g.total) ?? 0);
  return gap < k || hiddenParts.some((p) => cells.get(p) === gap);
}

/**
 * The cells to hide (issue 20): every cell below k, then complementary suppression: while a group would let a
 * hidden cell (or a small sum of hidden cells) be recovered by subtracting shown cells from its shown total,
 * its smallest shown part is hidden too (its total when no part is left), across all groups to a fixed point.
 */
export function suppressCells(cells: ReadonlyMap<string, number>, groups: readonly SumGroup[], k: number): Set<string> {
  const hidden = new Set<string>();
  for (const [id, value] of cells) if (value < k) hidden.add(id);
  const known = groups.map((g) => ({ total: g.total, parts: g.parts.filter((p) => cells.has(p)) })).filter((g) => cells.has(g.total));
  for (let changed = true; changed;) {
    changed = false;
    for (const g of known) {
      if (!leaks(g, cells, hidden, k)) continue;
      const shown = g.parts.filter((p) => !hidden.has(p));
      shown.sort((a, b) => cells.get(a)! - cells.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
      hidden.add(shown[0] ?? g.total);
      changed = true;
    }
  }
  return hidden;
}

/** How a figure reads in a table, chart label or CSV when it is suppressed: "< 10". */
export const belowK = (k: number) => `< ${k}`;
