import type { TemplateDefaults } from "./vocabulary";

const greeting = "안녕하세요, {brand}입니다.";
const signature = "감사합니다.\n{brand} 개인정보 보호 담당 드림\n문의: {contact}";

/** The shipped Korean wording: what a person is sent until the privacy officer saves their own. */
export const defaultsKo: TemplateDefaults = {
  "request-received": {
    subject: "요청 {ref} 접수 안내",
    greeting,
    body: "개인정보와 관련한 요청 {ref}을(를) {received}에 접수했습니다. 늦어도 {due}까지 답변드리겠습니다.\n\n요청의 진행 상황은 아래 링크에서 확인하실 수 있습니다.\n{link}",
    signature,
  },
  "request-code": {
    subject: "요청 {ref} 본인 확인 코드",
    greeting,
    body: "{brand}에 개인정보 관련 요청({ref})을 하신 분이 본인이 맞는지 확인하기 위해 다음 코드를 알려 주세요: {code}\n\n코드는 10분 동안 유효합니다. 요청하신 적이 없다면 이 메시지를 무시하세요.",
    signature,
  },
  "request-extended": {
    subject: "요청 {ref} 처리 기한 연장 안내",
    greeting,
    body: "요청 {ref}의 처리 기한을 {due}(으)로 연장합니다.\n\n사유: {reason}",
    signature,
  },
  "request-rejected": {
    subject: "요청 {ref}을(를) 처리할 수 없습니다",
    greeting,
    body: "요청 {ref}을(를) 처리할 수 없습니다.\n\n사유: {reason}\n\n{complaint}",
    signature,
  },
  "request-completed": {
    subject: "요청 {ref} 처리 완료",
    greeting,
    body: "요청 {ref}의 처리를 완료했습니다: {what}",
    signature,
  },
  "request-export": {
    subject: "{brand}이(가) 보유한 내 정보 ({ref})",
    greeting,
    body: "{brand}이(가) 보유한 회원님의 모든 정보를 7일 동안 아래 링크에서 내려받을 수 있습니다:\n{link}\n\n스프레드시트나 읽기 쉬운 페이지가 필요하면 링크 끝에 ?format=csv 또는 ?format=html을 붙이세요.",
    signature,
  },
  "request-erased": {
    subject: "개인정보 파기 완료 안내 ({ref})",
    greeting,
    body: "{received}에 접수된 요청 {ref}에 따라 {brand}이(가) 보유한 회원님의 개인정보를 파기했습니다.\n\n보관하는 정보와 그 이유:\n- 요청 기록(요청 번호, 유형, 날짜, 처리 결과): 요청을 이행했음을 증명하기 위해 {months}개월 동안 보관한 후 파기합니다.\n- 연락 차단 기록: 이메일 주소 등 회원님을 식별하던 정보를 되돌릴 수 없게 변환한 값(해시)입니다. 회원님께 다시 연락하거나 같은 정보로 개인정보를 수집하지 않기 위해 보관합니다.\n\n이메일 주소는 이 안내를 보내기 위해서만 보관했으며, 발송 후 삭제합니다.",
    signature,
  },
  "notice-reconsent": {
    subject: "[{brand}] '{title}' 관련 동의를 다시 선택해 주세요",
    greeting,
    body: "'{title}' 목적의 개인정보 이용 방식이 바뀌었습니다.\n\n{changes}\n\n중요한 변경이므로 이전에 주신 동의는 더 이상 적용하지 않습니다. 새 안내를 읽어 보시고 다시 선택해 주세요.\n{link}\n\n안내 전문: {notice}\n\n다시 선택하시기 전까지는 동의하지 않은 것으로 처리합니다.",
    signature,
  },
  "policy-change": {
    subject: "[{brand}] 개인정보 처리방침을 변경했습니다",
    greeting,
    body: "개인정보 처리방침을 변경했습니다.\n\n{changes}\n\n이미 하신 선택은 그대로이며 따로 하실 일은 없습니다. 처리방침은 여기에서 보실 수 있습니다.\n{link}",
    signature,
  },
  // Issue 21: 개인정보 보호법 제34조 제1항의 통지 항목(유출 항목, 시점과 경위, 피해 최소화 방법, 대응 조치, 신고 접수처).
  "incident-notice": {
    subject: "[{brand}] 개인정보 유출 사실을 알려 드립니다 ({ref})",
    greeting,
    body: "고객님의 개인정보가 관련된 보안 사고가 발생하여 알려 드립니다.\n\n유출 시점과 경위: {happened}\n\n유출된 개인정보 항목: {data}\n\n저희의 대응 조치: {measures}\n\n피해를 줄이기 위해 하실 수 있는 일:\n{advice}\n\n궁금하신 점이 있거나 피해를 입으셨다면 {contact}(으)로 연락해 주십시오. 피해 구제 절차를 안내해 드리겠습니다. 심려를 끼쳐 드려 깊이 사과드립니다.",
    signature,
  },
};
