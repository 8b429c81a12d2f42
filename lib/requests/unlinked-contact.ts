import { z } from "zod";

/** What staff took down for a request that matches no known customer; kept as JSON in the request's details. */
export type UnlinkedContact = { email: string | null; externalId: string | null; name: string | null; note: string | null };

const field = z
  .string()
  .nullish()
  .transform((v) => v || null);
const contactSchema = z.object({ email: field, externalId: field, name: field, note: field });

/** The contact details of an unlinked request, or null when its details are not such a record (or were erased). */
export function unlinkedContact(details: string | null): UnlinkedContact | null {
  if (!details) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(details);
  } catch {
    return null;
  }
  const parsed = contactSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
