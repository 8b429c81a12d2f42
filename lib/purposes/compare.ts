type Comparable = {
  name: string;
  description: string;
  legalBasis: string;
  dataCategories: string[];
  retentionDays: number;
  validityDays: number | null;
  saleOrSharing: boolean;
  sensitive: boolean;
  /** Absent from revisions saved before purposes recorded it. */
  sensitiveBeyondPermitted?: boolean;
  channels: string[];
  /** Absent from revisions saved before purposes recorded where they apply. */
  jurisdictions?: string[];
  benefit: string;
  /** The recipients, by their id in the registry. */
  recipientIds: number[];
};

/** A changed field as a reviewer reads it; the recipients' ids are shown as "recipients". */
export type FieldChange = { field: Exclude<keyof Comparable, "recipientIds"> | "recipients"; before: string; after: string };

/** How one recipient reads in a diff (its name, country and role); the page builds it from the registry. */
export type RecipientLabel = (id: number) => string;

const unknownRecipient: RecipientLabel = (id) => `#${id}`;

function show(field: keyof Comparable, value: Comparable[keyof Comparable], label: RecipientLabel): string {
  if (field === "recipientIds") return (value as number[]).map(label).sort().join("; ") || "—";
  if (Array.isArray(value)) return [...value].sort().join(", ");
  if (value === null || value === undefined) return "—";
  return String(value);
}

/**
 * A revision's proposal made whole: one saved before purposes recorded their jurisdictions keeps the purpose's
 * current ones, and one without a list of recipients keeps the purpose's current recipients.
 */
export function completeRevisionFields<F extends object>(
  proposed: F,
  current: { jurisdictions: string[]; recipientIds: number[] },
): F & { jurisdictions: string[]; recipientIds: number[] } {
  const own = proposed as { jurisdictions?: unknown; recipientIds?: unknown };
  return {
    ...proposed,
    jurisdictions: Array.isArray(own.jurisdictions) ? (own.jurisdictions as string[]) : current.jurisdictions,
    recipientIds: Array.isArray(own.recipientIds) ? (own.recipientIds as number[]) : current.recipientIds,
  };
}

/** The fields a revision would change, with before and after as display text; recipients are named through `label`. */
export function changedFields(current: Comparable, proposed: Comparable, label: RecipientLabel = unknownRecipient): FieldChange[] {
  const fields = Object.keys(proposed).filter((k) => k in current) as (keyof Comparable)[];
  return fields
    .map((field) => ({
      field: field === "recipientIds" ? ("recipients" as const) : field,
      before: show(field, current[field], label),
      after: show(field, proposed[field], label),
    }))
    .filter((c) => c.before !== c.after);
}
