import "server-only";
import { listPublishedNotices, type PublicNotice } from "@/db/notices/notices";
import { getSubjectConsents, listSubjectEvents, type PurposeConsent, type SubjectEventRow } from "@/db/consent/consent";
import type { Subject } from "@/db/schema";

export const HISTORY_LIMIT = 200;

export type PreferenceItem = PublicNotice & { consent: PurposeConsent };

/** Everything the preference center shows one subject: purposes with their notice and state, and their ledger. */
export function loadPreferenceCenter(
  subject: Subject,
  locale: string,
): { items: PreferenceItem[]; events: SubjectEventRow[]; titles: Map<string, string> } {
  const notices = listPublishedNotices(locale);
  const consents = new Map(getSubjectConsents(subject.id).map((c) => [c.purposeId, c]));
  const items = notices.flatMap((n) => {
    const consent = consents.get(n.purpose.id);
    return consent ? [{ ...n, consent }] : [];
  });
  return {
    items,
    events: listSubjectEvents(subject.id, HISTORY_LIMIT),
    titles: new Map(notices.map((n) => [n.purpose.key, n.version.title])),
  };
}
