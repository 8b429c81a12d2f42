import "server-only";
import { getTranslations } from "next-intl/server";
import { buildConsentReceipt, type ConsentReceipt } from "@/lib/consent/receipt";
import { isLocale } from "@/lib/i18n/config";
import { getSubjectEvent, type Subject } from "@/db/consent";
import { getBrandSettings } from "@/db/staff";
import { getNoticeVersion } from "@/db/notices";
import { getPurposeDetail } from "@/db/purposes";
import { publicBaseUrl } from "./base-url";
import { signConsentReceipt } from "./receipt-signing";

export type IssuedReceipt = { eventId: number; receipt: ConsentReceipt; jws: string; kid: string };

/**
 * The receipt of one of the subject's own consent events: the ISO/IEC TS 27560-shaped document and the same
 * document signed as a compact JWS with the brand's current key. Undefined when the event is not theirs.
 */
export async function issueConsentReceipt(subject: Pick<Subject, "id" | "uid">, eventId: number): Promise<IssuedReceipt | undefined> {
  const event = await getSubjectEvent(subject.id, eventId);
  const purpose = event ? await getPurposeDetail(event.purposeId) : undefined;
  const notice = event ? await getNoticeVersion(event.noticeVersionId) : undefined;
  if (!event || !purpose || !notice) return undefined;
  const [base, t, brand] = await Promise.all([
    publicBaseUrl(),
    getTranslations({ locale: isLocale(event.locale) ? event.locale : "en", namespace: "preferences.receipt" }),
    getBrandSettings(),
  ]);
  const receipt = buildConsentReceipt({
    subjectUid: subject.uid,
    event,
    purpose: { ...purpose, recipients: purpose.recipients.map((r) => ({ name: r.name, country: r.country, role: r.role })) },
    notice: { url: `${base}/notices/${purpose.key}`, version: notice.version, title: notice.title, locale: notice.locale },
    controller: brand ?? null,
    withdrawal: { description: t("withdrawal"), url: `${base}/preferences` },
  });
  return { eventId: event.id, receipt, ...(await signConsentReceipt(receipt)) };
}
