import { dataCategories } from "./vocabulary";

type MapPurpose = { id: number; legalBasis: string; dataCategories: string[] };

/**
 * Data-minimization hints: within each legal basis that two or more purposes
 * share, the purpose that collects strictly more categories than every other
 * one. Each hint names the categories that no sibling purpose needs.
 */
export function minimizationHints(purposes: MapPurpose[]): Map<number, { extra: string[]; peers: number }> {
  const hints = new Map<number, { extra: string[]; peers: number }>();
  const byBasis = new Map<string, MapPurpose[]>();
  for (const p of purposes) byBasis.set(p.legalBasis, [...(byBasis.get(p.legalBasis) ?? []), p]);
  for (const group of byBasis.values()) {
    if (group.length < 2) continue;
    const sorted = [...group].sort((a, b) => b.dataCategories.length - a.dataCategories.length);
    const [top, next] = sorted;
    if (top.dataCategories.length === next.dataCategories.length) continue;
    const others = new Set(group.filter((p) => p.id !== top.id).flatMap((p) => p.dataCategories));
    hints.set(top.id, { extra: top.dataCategories.filter((c) => !others.has(c)), peers: group.length - 1 });
  }
  return hints;
}

/** The categories in use, in vocabulary order, followed by any unknown ones. */
export function categoriesInUse(purposes: MapPurpose[]): string[] {
  const used = new Set(purposes.flatMap((p) => p.dataCategories));
  const known = dataCategories.filter((c) => used.has(c));
  return [...known, ...[...used].filter((c) => !(dataCategories as readonly string[]).includes(c)).sort()];
}
