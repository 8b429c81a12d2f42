import type { Locale } from "../../i18n/config";
import type { Regime } from "../../requests/clock-rules";

type Sentence = (contact: string) => string;

/**
 * How a person may object to a refusal or complain about it, under the law their request runs on
 * (reference/standards.md): GDPR Art. 12(4) names the supervisory authority and a judicial remedy
 * (Arts. 77, 79); PIPA Art. 38(5) requires an objection procedure, and the Dispute Mediation
 * Committee and KISA's report center hear complaints; APPI Art. 40 has the business handle
 * complaints itself, so the brand's complaint contact is named; the CCPA lets the person tell the
 * California Privacy Protection Agency or the Attorney General. An unknown law gets the widest.
 */
const sentences: Record<Locale, Record<Regime, Sentence>> = {
  en: {
    gdpr: () =>
      "You have the right to lodge a complaint with a data protection supervisory authority, in particular in the EU or EEA country where you live or work or where you believe the law was broken, and to seek a judicial remedy before a court (GDPR Art. 12(4), 77 and 79).",
    pipa: (c) =>
      `You may object to this decision through our objection procedure: write to ${c} (Personal Information Protection Act Art. 38(5)). You may also apply to the Personal Information Dispute Mediation Committee or report to the Personal Information Infringement Report Center (KISA).`,
    appi: (c) =>
      `If you are not satisfied with how we handled your request, please contact our complaint desk at ${c} (Act on the Protection of Personal Information Art. 40). You may also consult the Personal Information Protection Commission.`,
    ccpa: (c) =>
      `If you believe we have not handled your request as the California Consumer Privacy Act requires, you may contact us at ${c}, and you may file a complaint with the California Privacy Protection Agency or the California Attorney General.`,
    strictest: (c) =>
      `You may object to this decision by writing to ${c}. You may also complain to the data protection authority where you live, or seek a remedy before a court.`,
  },
  ko: {
    gdpr: () =>
      "귀하는 거주지나 근무지, 또는 법 위반이 있었다고 생각하는 EU·EEA 국가의 개인정보 보호 감독기관에 민원을 제기하고, 법원에 사법적 구제를 청구할 권리가 있습니다(GDPR 제12조제4항, 제77조, 제79조).",
    pipa: (c) =>
      `이 결정에 이의가 있으시면 ${c}(으)로 이의를 제기하실 수 있습니다(개인정보 보호법 제38조제5항). 또한 개인정보 분쟁조정위원회에 분쟁조정을 신청하거나 개인정보침해 신고센터(한국인터넷진흥원)에 신고하실 수 있습니다.`,
    appi: (c) =>
      `요청 처리에 불만이 있으시면 ${c}(으)로 저희 불만 처리 창구에 연락해 주세요(일본 개인정보보호법 제40조). 개인정보보호위원회에 상담하실 수도 있습니다.`,
    ccpa: (c) =>
      `요청이 캘리포니아 소비자 프라이버시법(CCPA)에 맞게 처리되지 않았다고 생각하시면 ${c}(으)로 연락하시거나 캘리포니아 개인정보보호청(CPPA) 또는 캘리포니아 주 법무장관에게 민원을 제기하실 수 있습니다.`,
    strictest: (c) =>
      `이 결정에 이의가 있으시면 ${c}(으)로 이의를 제기하실 수 있습니다. 거주하시는 곳의 개인정보 보호 감독기관에 민원을 제기하거나 법원에 구제를 청구하실 수도 있습니다.`,
  },
  ja: {
    gdpr: () =>
      "お客様には、お住まいや勤務地、または違反があったと考える EU・EEA 加盟国のデータ保護監督機関に苦情を申し立てる権利、および裁判所に司法救済を求める権利があります（GDPR 第12条第4項、第77条、第79条）。",
    pipa: (c) =>
      `この判断にご異議がある場合は、${c} までお申し出ください（韓国個人情報保護法 第38条第5項）。個人情報紛争調停委員会への調停申請や、個人情報侵害申告センター（KISA）への申告もできます。`,
    appi: (c) =>
      `ご請求への対応にご不満がある場合は、当社の苦情受付窓口（${c}）までご連絡ください（個人情報保護法 第40条）。個人情報保護委員会にご相談いただくこともできます。`,
    ccpa: (c) =>
      `ご請求がカリフォルニア州消費者プライバシー法（CCPA）に従って扱われていないとお考えの場合は、${c} までご連絡いただくか、カリフォルニア州プライバシー保護庁（CPPA）または同州司法長官に苦情を申し立てることができます。`,
    strictest: (c) =>
      `この判断にご異議がある場合は、${c} までお申し出ください。お住まいの地域のデータ保護監督機関への苦情の申立てや、裁判所での救済を求めることもできます。`,
  },
};

/** How to object or complain, under the request's law, in the person's language; the brand's contact where the law sends them to it. */
export function complaintSentence(regime: Regime, locale: Locale, contact: string): string {
  return sentences[locale][regime](contact);
}
