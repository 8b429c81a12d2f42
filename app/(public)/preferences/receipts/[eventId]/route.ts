import { getTranslations } from "next-intl/server";
import { buildConsentReceipt } from "@/lib/consent/receipt";
import { isLocale } from "@/lib/i18n/config";
import { getSubjectEvent } from "@/db/consent";
import { getBrandSettings } from "@/db/staff";
import { getNoticeVersion } from "@/db/notices";
import { getPurposeDetail } from "@/db/purposes";
import { publicBaseUrl } from "@/lib/server/base-url";
import { getPreferencesSubject } from "@/lib/server/preferences-session";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * The receipt of one of the signed-in subject's own consent events, as an
 * ISO/IEC TS 27560-shaped JSON download. Anyone else's event, or no session,
 * is a plain 404: the answer does not say whether the event exists.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ eventId: string }> }) {
  const subject = await getPreferencesSubject();
  const raw = (await params).eventId;
  if (!subject || !/^\d{1,12}$/.test(raw)) return notFound();
  const event = await getSubjectEvent(subject.id, Number(raw));
  const purpose = event ? await getPurposeDetail(event.purposeId) : undefined;
  const notice = event ? await getNoticeVersion(event.noticeVersionId) : undefined;
  if (!event || !purpose || !notice) return notFound();
  const [base, t] = await Promise.all([
    publicBaseUrl(),
    getTranslations({ locale: isLocale(event.locale) ? event.locale : "en", namespace: "preferences.receipt" }),
  ]);
  const brand = await getBrandSettings();
  const receipt = buildConsentReceipt({
    subjectUid: subject.uid,
    event,
    purpose: { ...purpose, recipients: purpose.recipients.map((r) => ({ name: r.name, country: r.country, role: r.role })) },
    notice: { url: `${base}/notices/${purpose.key}`, version: notice.version, title: notice.title, locale: notice.locale },
    controller: brand ?? null,
    withdrawal: { description: t("withdrawal"), url: `${base}/preferences` },
  });
  return new Response(JSON.stringify(receipt, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="consent-receipt-${event.id}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
