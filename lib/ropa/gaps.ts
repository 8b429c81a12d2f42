import type { ArticleItem, RopaInput } from "./types";

/** Something the record of processing cannot state yet, the Art. 30(1) item it belongs to, and where it is filled in. */
export type Gap = { item: ArticleItem; code: GapCode; name?: string; href: string };
export type GapCode =
  | "controller"
  | "dpo-name"
  | "no-purposes"
  | "subject-categories"
  | "sources"
  | "transfer-safeguard"
  | "transfer-details"
  | "destruction"
  | "security";

const controllerPage = "/admin/settings/controller";

/**
 * What is missing before the record can be exported, in Art. 30(1) order. Purposes and recipients come from the
 * data map as it is, so a purpose added there is checked here with no other change.
 */
export function findGaps(map: RopaInput): Gap[] {
  const gaps: Gap[] = [];
  if (!map.brand || !map.brand.legalName.trim() || !map.brand.address.trim())
    gaps.push({ item: "a", code: "controller", href: "/admin/settings" });
  if (!map.privacy.dpoName) gaps.push({ item: "a", code: "dpo-name", href: controllerPage });
  if (map.purposes.length === 0) gaps.push({ item: "b", code: "no-purposes", href: "/admin/purposes" });
  for (const p of map.purposes) {
    const href = `/admin/purposes/${p.id}/record`;
    if (p.record.subjectCategories.length === 0 && !p.record.subjectCategoriesNote)
      gaps.push({ item: "c", code: "subject-categories", name: p.name, href });
    if (p.record.sources.length === 0) gaps.push({ item: "c", code: "sources", name: p.name, href });
  }
  const seen = new Set<number>();
  for (const p of map.purposes)
    for (const r of p.recipients) {
      if (r.transferredFrom.length === 0 || seen.has(r.id)) continue;
      seen.add(r.id);
      const href = `/admin/recipients/${r.id}/transfer`;
      const t = r.transfer;
      if (!t.safeguard) gaps.push({ item: "e", code: "transfer-safeguard", name: r.name, href });
      else if (t.items.length === 0 || !t.timing || !t.method || !t.refusal)
        gaps.push({ item: "e", code: "transfer-details", name: r.name, href });
    }
  for (const p of map.purposes)
    if (!p.record.destructionMethod) gaps.push({ item: "f", code: "destruction", name: p.name, href: `/admin/purposes/${p.id}/record` });
  if (map.privacy.securityMeasures.length === 0 && !map.privacy.securityNote)
    gaps.push({ item: "g", code: "security", href: controllerPage });
  return gaps;
}
