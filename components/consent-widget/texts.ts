import type { Locale } from "@/lib/i18n/config";

/** The banner's own words. Purpose texts come from the published notices; only the frame lives here. */
export type WidgetTexts = {
  title: string;
  intro: string;
  notices: string;
  accept: string;
  reject: string;
  choose: string;
  chooseIntro: string;
  save: string;
  back: string;
  fullNotice: string;
  gpc: string;
  gpcOn: string;
  reopen: string;
  saved: string;
  error: string;
};

export const texts: Record<Locale, WidgetTexts> = {
  en: {
    title: "Your privacy choices",
    intro: "We use your data for the optional purposes below only if you agree, and you can change your mind at any time.",
    notices: "Read our privacy notices",
    accept: "Accept all",
    reject: "Reject all",
    choose: "Choose",
    chooseIntro: "Tick only what you agree to. Anything left unticked stays off.",
    save: "Save choices",
    back: "Back",
    fullNotice: "Full notice",
    gpc: "Opted out by your browser's Global Privacy Control",
    gpcOn: "Your browser sends a Global Privacy Control signal, so selling or sharing your data stays off.",
    reopen: "Privacy choices",
    saved: "Your choices are saved.",
    error: "Your choices could not be saved. Please try again.",
  },
  ko: {
    title: "개인정보 이용 동의",
    intro: "아래 선택 항목은 동의하신 경우에만 개인정보를 이용하며, 선택은 언제든 바꾸실 수 있습니다.",
    notices: "개인정보 처리 안내 보기",
    accept: "모두 동의",
    reject: "모두 거부",
    choose: "직접 선택",
    chooseIntro: "동의하는 항목에만 체크해 주세요. 체크하지 않은 항목에는 개인정보를 이용하지 않습니다.",
    save: "선택 저장",
    back: "뒤로",
    fullNotice: "안내 전문",
    gpc: "브라우저의 글로벌 프라이버시 컨트롤(GPC) 설정에 따라 거부되었습니다",
    gpcOn: "브라우저가 글로벌 프라이버시 컨트롤(GPC) 신호를 보내고 있어, 개인정보 판매·공유는 하지 않습니다.",
    reopen: "개인정보 설정",
    saved: "선택이 저장되었습니다.",
    error: "선택을 저장하지 못했습니다. 다시 시도해 주세요.",
  },
  ja: {
    title: "個人情報の利用についての選択",
    intro: "以下の任意の目的には、同意いただいた場合にのみ個人情報を利用します。選択はいつでも変更できます。",
    notices: "プライバシーに関するお知らせを読む",
    accept: "すべて同意する",
    reject: "すべて拒否する",
    choose: "個別に選ぶ",
    chooseIntro: "同意する項目にだけチェックを入れてください。チェックのない目的には個人情報を利用しません。",
    save: "選択を保存",
    back: "戻る",
    fullNotice: "お知らせ全文",
    gpc: "ブラウザのグローバル・プライバシー・コントロール（GPC）により拒否済みです",
    gpcOn: "ブラウザからグローバル・プライバシー・コントロール（GPC）のシグナルが送られているため、個人情報の販売・共有は行いません。",
    reopen: "プライバシー設定",
    saved: "選択を保存しました。",
    error: "選択を保存できませんでした。もう一度お試しください。",
  },
};
