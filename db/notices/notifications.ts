import "server-only";
import { isLocale } from "@/lib/i18n/config";
import { noticeChangeMessage } from "@/lib/messages/notice-change";
import { currentTemplate } from "../messages/templates";
import type { OutboxKind } from "@/lib/outbox/vocabulary";
import { db } from "../client";
import type { NoticeVersion } from "../schema";

/**
 * Tells every subject who has granted the purpose, and reads this notice's
 * language, that it changed: through the outbox, in the same transaction as
 * the publication. English also reaches subjects whose language has no
 * notice of its own. Returns how many messages were queued.
 */
export function notifyNoticeChange(v: NoticeVersion & { purposeId: number; locale: string }, baseUrl: string): number {
  if (!isLocale(v.locale)) return 0;
  const sql = db.$client;
  const settings = sql.prepare("SELECT name, contact_email AS contact, dpo_email AS dpo FROM brand_settings WHERE id = 1").get() as
    { name: string; contact: string; dpo: string } | undefined;
  const brand = settings?.name ?? "";
  const key = (sql.prepare("SELECT key FROM purposes WHERE id = ?").get(v.purposeId) as { key: string }).key;
  const covered = (
    sql
      .prepare(
        "SELECT DISTINCT n.locale FROM notices n JOIN notice_versions nv ON nv.notice_id = n.id WHERE n.purpose_id = ? AND nv.status = 'published'",
      )
      .all(v.purposeId) as { locale: string }[]
  ).map((r) => r.locale);
  const readers = v.locale === "en" ? ["en", ...["ko", "ja"].filter((l) => !covered.includes(l))] : [v.locale];
  const vars = {
    brand,
    title: v.title,
    summary: v.changeSummary,
    noticeUrl: `${baseUrl}/notices/${key}`,
    preferencesUrl: `${baseUrl}/preferences`,
  };
  // Asking again is a message the brand words itself (issue 17); an update that asks nothing keeps Candor's text.
  const message = noticeChangeMessage(
    v.locale,
    v.material,
    { ...vars, contact: settings?.dpo || settings?.contact || "" },
    v.material ? currentTemplate(db, "notice-reconsent", v.locale) : undefined,
  );
  const kind: OutboxKind = v.material ? "notice-reconsent" : "notice-update";
  const result = sql
    .prepare(
      `INSERT INTO outbox (subject_id, to_address, kind, locale, subject_line, body, status, created_at)
       SELECT s.id, s.email, ?, ?, ?, ?, 'pending', ?
       FROM consent_state cs JOIN subjects s ON s.id = cs.subject_id
       WHERE cs.purpose_id = ? AND cs.state = 'granted' AND s.email IS NOT NULL AND s.locale IN (${readers.map(() => "?").join(", ")})`,
    )
    .run(kind, v.locale, message.subjectLine, message.body, Date.now(), v.purposeId, ...readers);
  return result.changes;
}
