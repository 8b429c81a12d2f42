import "server-only";
import { listPublishedNotices, type PublicNotice } from "@/db/notices";
import { getSubjectConsents, listSubjectEvents, type PurposeConsent, type Subject, type SubjectEventRow } from "@/db/consent";

export const HISTORY_LIMIT = 200;

export type PreferenceItem = PublicNotice & { consent: PurposeConsent };

/** Everything the preference center shows one subject: purposes with their notice and state, and their ledger. */
export async function loadPreferenceCenter(
  subject: Subject,
  locale: string,
): Promise<{ items: PreferenceItem[]; events: SubjectEventRow[]; titles: Map<string, string> }> {
  const notices = await listPublishedNotices(locale);
  const consents = new Map((await getSubjectConsents(subject.id)).map((c) => [c.purposeId, c]));
  const items = notices.flatMap((n) => {
    const consent = consents.get(n.purpose.id);
    return consent ? [{ ...n, consent }] : [];
  });
  return {
    items,
    events: await listSubjectEvents(subject.id, HISTORY_LIMIT),
    titles: new Map(notices.map((n) => [n.purpose.key, n.version.title])),
  };
}
