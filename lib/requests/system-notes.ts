import { isLocale, type Locale } from "@/lib/i18n/config";
import { reasonText } from "./system-reasons";

/**
 * Timeline notes Candor writes itself (request_events.note), in every language a reader may
 * read them in. They are stored as the English sentence (what older rows hold, and what the
 * store's writers and the demo write); the request page derives the note's code from that exact
 * text, with any {value} taken from the same place in it, and shows the reader's own sentence.
 * A note a person typed matches none of them and reads as typed.
 */
const notes = {
  "verification-code-sent": { en: "verification code sent", ko: "인증 코드를 보냈습니다.", ja: "確認コードを送信しました。" },
  "sensitive-limited": {
    en: "Use of sensitive personal information limited for this person; purposes using it beyond §7027(m) stopped: {count}",
    ko: "민감한 개인정보의 이용을 제한했습니다. §7027(m) 범위를 넘어 이용하는 목적 {count}개를 이 정보주체에 대해 중단했습니다.",
    ja: "センシティブな個人情報の利用を制限しました。§7027(m)の範囲を超えて利用する{count}件の目的をこの方について停止しました。",
  },
  "sensitive-limited-none": {
    en: "Use of sensitive personal information limited; no purpose uses it beyond what §7027(m) allows, so none needed stopping",
    ko: "민감한 개인정보의 이용을 제한했습니다. §7027(m)이 허용하는 범위를 넘어 이용하는 목적이 없어 중단할 목적은 없었습니다.",
    ja: "センシティブな個人情報の利用を制限しました。§7027(m)の範囲を超えて利用する目的はなく、停止が必要な目的はありませんでした。",
  },
  "verified-code-read-back": {
    en: "identity confirmed: the person read back the emailed code",
    ko: "본인 확인 완료: 이메일로 보낸 코드를 본인이 불러 주었습니다.",
    ja: "本人確認済み: メールで送ったコードをご本人が読み上げました。",
  },
  "verified-code-by-subject": {
    en: "identity confirmed by the subject with the emailed code",
    ko: "본인이 이메일로 받은 코드로 본인 확인을 마쳤습니다.",
    ja: "ご本人がメールで受け取ったコードで本人確認を完了しました。",
  },
  "verified-by-session": {
    en: "identity verified by the subject's preference-center session",
    ko: "환경설정 센터 로그인 세션으로 본인 확인을 마쳤습니다.",
    ja: "プライバシー設定センターのセッションで本人確認を完了しました。",
  },
  "verified-by-brand-login": {
    en: "identity verified by the brand's own sign-in (reported through the API)",
    ko: "브랜드 자체 로그인으로 본인 확인을 마쳤습니다(API로 전달됨).",
    ja: "ブランド独自のサインインで本人確認を完了しました（API経由で報告）。",
  },
  "erasure-confirmation-queued": {
    en: "erasure confirmation queued; the address is erased once it is sent",
    ko: "삭제 확인 메일을 발송 대기열에 넣었습니다. 발송되면 주소를 삭제합니다.",
    ja: "削除完了の通知を送信待ちにしました。送信後にアドレスを消去します。",
  },
  "erasure-confirmation-no-address": {
    en: "no address on file: the person could not be sent an erasure confirmation",
    ko: "등록된 주소가 없어 삭제 확인을 보낼 수 없었습니다.",
    ja: "登録された連絡先がないため、削除完了の通知を送れませんでした。",
  },
  "erasure-wal-waited": {
    en: "the erased data stayed in the store's write-ahead log while a reader finished; it was emptied after {seconds} s",
    ko: "조회 중인 작업이 끝날 때까지 삭제된 데이터가 저장소의 기록 로그(WAL)에 남아 있었으며, {seconds}초 후에 비웠습니다.",
    ja: "読み取り中の処理が終わるまで、消去したデータがストアの先行書き込みログ（WAL）に残っていました。{seconds}秒後に空にしました。",
  },
  "erasure-wal-pending": {
    en: "the erased data is still in the store's write-ahead log behind a reader after {seconds} s; it is emptied as soon as the reader finishes",
    ko: "{seconds}초가 지나도 조회 중인 작업 때문에 삭제된 데이터가 저장소의 기록 로그(WAL)에 남아 있습니다. 작업이 끝나는 즉시 비웁니다.",
    ja: "{seconds}秒経っても読み取り中の処理のため、消去したデータがストアの先行書き込みログ（WAL）に残っています。処理が終わりしだい空にします。",
  },
  "export-link-sent": { en: "export link sent", ko: "내보내기 링크를 보냈습니다.", ja: "エクスポートのリンクを送信しました。" },
  "export-link-sent-7-days": {
    en: "export link sent (valid 7 days)",
    ko: "내보내기 링크를 보냈습니다(7일간 유효).",
    ja: "エクスポートのリンクを送信しました（7日間有効）。",
  },
  "data-erased": {
    en: "personal data erased; tombstone kept",
    ko: "개인정보를 삭제했습니다. 삭제 기록(툼스톤)은 보관합니다.",
    ja: "個人データを消去しました。削除の記録（トゥームストーン）は保持しています。",
  },
  "recorded-as-done": { en: "recorded as done", ko: "완료로 기록했습니다.", ja: "完了として記録しました。" },
  "purposes-stopped": {
    en: "{count} purposes stopped",
    ko: "{count}개 목적의 처리를 중단했습니다.",
    ja: "{count}件の目的の処理を停止しました。",
  },
  downloaded: { en: "downloaded as {format}", ko: "{format} 형식으로 다운로드했습니다.", ja: "{format}形式でダウンロードされました。" },
  "possible-duplicate": {
    en: "possible duplicate of {ref}",
    ko: "{ref} 요청과 중복일 수 있습니다.",
    ja: "{ref} と重複している可能性があります。",
  },
  corrected: { en: "corrected {change}", ko: "정정함: {change}", ja: "訂正: {change}" },
  "submitted-preference-center": {
    en: "Submitted in the preference center.",
    ko: "환경설정 센터에서 제출되었습니다.",
    ja: "プライバシー設定センターから提出されました。",
  },
  "submitted-api": {
    en: "Submitted through the API by the customer-service tool.",
    ko: "고객 지원 도구가 API로 제출했습니다.",
    ja: "カスタマーサービスツールからAPI経由で提出されました。",
  },
  "entered-phone": {
    en: "Taken by phone and entered by staff.",
    ko: "전화로 접수하여 직원이 입력했습니다.",
    ja: "電話で受け付け、スタッフが入力しました。",
  },
  "entered-letter": {
    en: "Received by post and entered by staff.",
    ko: "우편으로 접수하여 직원이 입력했습니다.",
    ja: "郵便で受け付け、スタッフが入力しました。",
  },
  "received-email": {
    en: "Received by email at {address}.",
    ko: "{address} 주소로 이메일 접수되었습니다.",
    ja: "{address} 宛てのメールで受け付けました。",
  },
  "acknowledgement-sent": {
    en: "Acknowledgement sent to the subject.",
    ko: "정보주체에게 접수 확인을 보냈습니다.",
    ja: "ご本人に受付確認を送信しました。",
  },
  assigned: { en: "Assigned to {name}.", ko: "{name}에게 배정했습니다.", ja: "{name} に割り当てました。" },
  "opt-out-no-verification": {
    en: "No verification needed for an opt-out; sale and sharing stopped for this subject.",
    ko: "옵트아웃에는 본인 확인이 필요하지 않습니다. 이 정보주체의 판매 및 공유를 중단했습니다.",
    ja: "オプトアウトには本人確認は不要です。このご本人のデータの販売・共有を停止しました。",
  },
  "code-sent": {
    en: "One-time code sent to the subject's email address.",
    ko: "정보주체의 이메일 주소로 일회용 코드를 보냈습니다.",
    ja: "ご本人のメールアドレスにワンタイムコードを送信しました。",
  },
  "verified-code": {
    en: "Identity verified with a one-time code.",
    ko: "일회용 코드로 본인 확인을 마쳤습니다.",
    ja: "ワンタイムコードで本人確認を完了しました。",
  },
  "export-prepared": {
    en: "Export prepared (JSON, CSV and HTML summary); the download link expires in 7 days.",
    ko: "내보내기를 준비했습니다(JSON, CSV, HTML 요약). 다운로드 링크는 7일 후 만료됩니다.",
    ja: "エクスポートを用意しました（JSON、CSV、HTML要約）。ダウンロードリンクの有効期限は7日間です。",
  },
  "deadline-extended": { en: "Deadline extended: {reason}", ko: "기한 연장: {reason}", ja: "期限を延長: {reason}" },
  "bulk-assigned": {
    en: "Assigned to {name} in a bulk action on {count} requests.",
    ko: "요청 {count}건 일괄 처리에서 {name}에게 배정했습니다.",
    ja: "{count}件の一括操作で {name} に割り当てました。",
  },
  "bulk-unassigned": {
    en: "Assignment removed in a bulk action on {count} requests.",
    ko: "요청 {count}건 일괄 처리에서 담당자 배정을 해제했습니다.",
    ja: "{count}件の一括操作で担当者の割り当てを外しました。",
  },
  "bulk-note": {
    en: "{note} (a note added to {count} requests at once)",
    ko: "{note} (요청 {count}건에 한꺼번에 추가한 메모)",
    ja: "{note}（{count}件に一括で追加したメモ）",
  },
  "bulk-extended": {
    en: "Extended in a bulk action on {count} requests.",
    ko: "요청 {count}건 일괄 처리에서 기한을 연장했습니다.",
    ja: "{count}件の一括操作で期限を延長しました。",
  },
  "bulk-rejected-duplicate-of": {
    en: "Rejected as a duplicate of {ref} in a bulk action on {count} requests.",
    ko: "요청 {count}건 일괄 처리에서 {ref}의 중복으로 거절했습니다.",
    ja: "{count}件の一括操作で {ref} の重複として却下しました。",
  },
  "bulk-rejected-duplicate": {
    en: "Rejected as a duplicate in a bulk action on {count} requests.",
    ko: "요청 {count}건 일괄 처리에서 중복으로 거절했습니다.",
    ja: "{count}件の一括操作で重複として却下しました。",
  },
  "agent-proof-recorded": {
    en: "The authorised agent's proof was recorded.",
    ko: "대리인의 증빙을 기록했습니다.",
    ja: "代理人の証明を記録しました。",
  },
  "agent-recorded": {
    en: "Made by an authorised agent: {name}.",
    ko: "대리인이 제출했습니다: {name}.",
    ja: "代理人による請求です: {name}。",
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type SystemNoteCode = keyof typeof notes;
export const systemNoteCodes = Object.keys(notes) as SystemNoteCode[];

const slot = /\{(\w+)\}/g;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// The most specific sentence first: "Assigned to {name} in a bulk action on {count} requests." is also "Assigned to {name}.".
const literalLength = (code: SystemNoteCode) => notes[code].en.replace(slot, "").length;
const matchers = [...systemNoteCodes]
  .sort((a, b) => literalLength(b) - literalLength(a))
  .map((code) => {
    const en = notes[code].en;
    const names = [...en.matchAll(slot)].map((m) => m[1]);
    return {
      code,
      names,
      // "s": a value (a note a person typed) may run over several lines.
      pattern: new RegExp(
        `^${en
          .split(slot)
          .map((part, i) => (i % 2 ? "(.+?)" : escape(part)))
          .join("")}$`,
        "s",
      ),
    };
  });

/** The English sentence a system note is stored as, with its values filled in. */
export function systemNote(code: SystemNoteCode, values: Record<string, string | number> = {}): string {
  return fill(notes[code].en, values);
}

/** The system note a stored note is, with its values, or null when a person wrote it. */
export function systemNoteOf(stored: string): { code: SystemNoteCode; values: Record<string, string> } | null {
  const text = stored.trim();
  for (const m of matchers) {
    const hit = m.pattern.exec(text);
    if (hit) return { code: m.code, values: Object.fromEntries(m.names.map((name, i) => [name, hit[i + 1]])) };
  }
  return null;
}

/** A stored timeline note as the reader reads it: a system note or reason in their language, a person's words as typed. */
export function noteText(stored: string, locale: string): string {
  const note = systemNoteOf(stored);
  if (!note) return reasonText(stored, locale);
  return fill(notes[note.code][isLocale(locale) ? locale : "en"], note.values);
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(slot, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
