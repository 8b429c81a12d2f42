import type { RecipientRole } from "./vocabulary";

type Comparable = {
  name: string;
  description: string;
  legalBasis: string;
  dataCategories: string[];
  retentionDays: number;
  validityDays: number | null;
  saleOrSharing: boolean;
  sensitive: boolean;
  channels: string[];
  /** Absent from revisions saved before purposes recorded where they apply. */
  jurisdictions?: string[];
  benefit: string;
  recipients: { name: string; country: string; role: RecipientRole }[];
};

export type FieldChange = { field: keyof Comparable; before: string; after: string };

function show(field: keyof Comparable, value: Comparable[keyof Comparable]): string {
  if (field === "recipients") return (value as Comparable["recipients"]).map((r) => `${r.name} (${r.country}, ${r.role})`).join("; ");
  if (Array.isArray(value)) return [...value].sort().join(", ");
  if (value === null || value === undefined) return "—";
  return String(value);
}

/** A revision's proposal made whole: one saved before purposes recorded their jurisdictions keeps the purpose's current ones. */
export function completeRevisionFields<F extends object>(
  proposed: F,
  current: { jurisdictions: string[] },
): F & { jurisdictions: string[] } {
  const own = (proposed as { jurisdictions?: unknown }).jurisdictions;
  return { ...proposed, jurisdictions: Array.isArray(own) ? (own as string[]) : current.jurisdictions };
}

/** The fields a revision would change, with before and after as display text. */
export function changedFields(current: Comparable, proposed: Comparable): FieldChange[] {
  const fields = Object.keys(proposed).filter((k) => k in current) as (keyof Comparable)[];
  return fields
    .map((field) => ({ field, before: show(field, current[field]), after: show(field, proposed[field]) }))
    .filter((c) => c.before !== c.after);
}
