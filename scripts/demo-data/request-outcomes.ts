import { createRandom } from "@/lib/random";
import type { RequestAgent } from "@/lib/requests/agent";
import type { DenialReason, RequestOutcome, RequestStatus, RequestType } from "@/lib/requests/vocabulary";
import type { Locale } from "./regions";
import { unverifiedReason } from "./request-texts";

/** How a demo request ended, with what its person was told (by locale) when something was refused or withheld. */
export type DemoOutcome = {
  outcome: RequestOutcome | null;
  denialReason: DenialReason | null;
  note: string | null;
  /** What the person was told for a denial (replaces the timeline's reason), or null to keep it. */
  told: Record<Locale, string> | null;
};

type Text = Record<Locale, string>;

/** Parts withheld as a compliance in part: the exemption named, as an officer would write it. */
const withheld: Partial<Record<RequestType, { reason: DenialReason; text: Text }>> = {
  access: {
    reason: "exempt",
    text: {
      en: "Fraud-scoring rules withheld: they would reveal the business's trade secrets (Civ. Code §1798.100(f)).",
      ko: "부정 거래 탐지 규칙은 영업비밀이 드러나므로 제외했습니다(캘리포니아 민법 §1798.100(f)).",
      ja: "不正検知のルールは営業秘密が明らかになるため除外しました（カリフォルニア州民法 §1798.100(f)）。",
    },
  },
  portability: {
    reason: "exempt",
    text: {
      en: "Another customer's messages in the shared order thread were left out: they are not this person's data.",
      ko: "공동 주문 대화에 있는 다른 고객의 메시지는 본인의 정보가 아니어서 제외했습니다.",
      ja: "共有注文スレッド内の他のお客様のメッセージは、ご本人の情報ではないため除外しました。",
    },
  },
  deletion: {
    reason: "exempt",
    text: {
      en: "Invoices kept for seven years under tax law (Civ. Code §1798.105(d)(8)); everything else erased.",
      ko: "세법에 따라 송장은 7년간 보관합니다(캘리포니아 민법 §1798.105(d)(8)). 그 밖의 정보는 모두 삭제했습니다.",
      ja: "請求書は税法により7年間保管します（カリフォルニア州民法 §1798.105(d)(8)）。それ以外はすべて消去しました。",
    },
  },
  rectification: {
    reason: "other",
    text: {
      en: "Date of birth left as it is: the document sent did not show the corrected date.",
      ko: "보내 주신 서류에 정정할 생년월일이 보이지 않아 생년월일은 그대로 두었습니다.",
      ja: "お送りいただいた書類で訂正後の生年月日を確認できなかったため、生年月日はそのままにしました。",
    },
  },
};

/** Denials on the merits (not Candor's own unverified close), each reason represented. */
const denials: { reason: DenialReason; text: Text; californiaOnly?: boolean }[] = [
  {
    reason: "other",
    text: {
      en: "Duplicate of an earlier request that is still open.",
      ko: "아직 처리 중인 이전 요청과 같은 내용입니다.",
      ja: "現在対応中の以前のご請求と同じ内容です。",
    },
  },
  {
    reason: "not_verifiable",
    text: {
      en: "The requester could not show authority to act for the subject.",
      ko: "요청하신 분이 정보주체를 대리할 권한을 확인할 수 없었습니다.",
      ja: "ご請求者がご本人の代理人であることを確認できませんでした。",
    },
  },
  {
    reason: "exempt",
    text: {
      en: "Data needed to complete the order still being delivered (Civ. Code §1798.105(d)(1)).",
      ko: "배송 중인 주문을 완료하는 데 필요한 정보입니다(캘리포니아 민법 §1798.105(d)(1)).",
      ja: "配送中のご注文を完了するために必要な情報です（カリフォルニア州民法 §1798.105(d)(1)）。",
    },
  },
  {
    reason: "not_a_consumer",
    californiaOnly: true,
    text: {
      en: "The account and every order are in Oregon; the requester is not a California resident.",
      ko: "계정과 모든 주문이 오리건주에 있어 캘리포니아 거주자가 아닙니다.",
      ja: "アカウントとすべての注文がオレゴン州にあり、カリフォルニア州の居住者ではありません。",
    },
  },
];

/**
 * The outcome of one demo request, drawn from its own seeded stream (so the rest of the demo's draws do not move):
 * about one completion in six complied with in part; denials on the merits spread over every reason, "not a
 * consumer" only for California; Candor's unverified close is "not verifiable".
 */
export function demoOutcome(
  id: number,
  d: { type: RequestType; status: RequestStatus; jurisdiction: string; unverified: boolean },
): DemoOutcome {
  const r = createRandom(90_000 + id);
  if (d.status === "completed") {
    const part = withheld[d.type];
    if (part && r.bernoulli(0.18)) return { outcome: "complied_in_part", denialReason: part.reason, note: part.text.en, told: null };
    return { outcome: "complied", denialReason: null, note: null, told: null };
  }
  if (d.status !== "rejected") return { outcome: null, denialReason: null, note: null, told: null };
  if (d.unverified) return { outcome: "denied", denialReason: "not_verifiable", note: null, told: unverifiedReason };
  const choice = r.pick(denials.filter((x) => !x.californiaOnly || d.jurisdiction === "US-CA"));
  return { outcome: "denied", denialReason: choice.reason, note: choice.text.en, told: choice.text };
}

const agencies = [
  { name: "Privacy Helpers LLC", contact: "requests@privacyhelpers.example", business: true },
  { name: "OptOut Agents Inc.", contact: "cases@optoutagents.example", business: true },
  { name: "Jordan Reyes (daughter)", contact: "+1 415 555 0142", business: false },
];

/**
 * Whether a demo request was made by an authorised agent (§7063), and the proof on record: California requests only,
 * about one in twelve; most agents show signed permission, a few a power of attorney, and the agent of a request
 * denied as not verifiable showed neither, which is why it was denied.
 */
export function demoAgent(
  id: number,
  d: { jurisdiction: string; status: RequestStatus; denialReason: DenialReason | null },
): RequestAgent | null {
  if (d.jurisdiction !== "US-CA") return null;
  const r = createRandom(95_000 + id);
  const deniedForProof = d.status === "rejected" && d.denialReason === "not_verifiable" && r.bernoulli(0.5);
  if (!deniedForProof && !r.bernoulli(0.08)) return null;
  const a = r.pick(agencies);
  const poa = !deniedForProof && !a.business && r.bernoulli(0.5);
  const open = d.status === "received" || d.status === "verifying";
  return {
    ...a,
    // An open request may still be waiting for the signed permission.
    signedPermission: !deniedForProof && !poa && !(open && r.bernoulli(0.4)),
    powerOfAttorney: poa,
    consumerVerifiedDirectly: !poa && r.bernoulli(0.5),
    consumerConfirmedPermission: !poa && !deniedForProof && r.bernoulli(0.6),
  };
}
