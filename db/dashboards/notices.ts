import "server-only";
import type { NoticeVersionFact } from "@/lib/metrics/notice-quality";
import { versionIsPlain } from "@/lib/metrics/notice-quality";
import { all } from "./filter";

// Published versions never change, so whether one reads plainly is worked out once per process.
const plainCache = new Map<number, boolean>();

/** Published (and since superseded) notice versions of active purposes, optionally one purpose's. */
export function listPublishedNotices(purposeId?: number): NoticeVersionFact[] {
  return all<Omit<NoticeVersionFact, "shortLayer"> & { shortLayer: string }>(
    `SELECT v.id, n.purpose_id AS purposeId, n.locale, v.published_at AS publishedAt, v.short_layer AS shortLayer
     FROM notice_versions v JOIN notices n ON n.id = v.notice_id JOIN purposes p ON p.id = n.purpose_id
     WHERE v.status IN ('published', 'superseded') AND v.published_at IS NOT NULL AND p.status = 'active'${purposeId === undefined ? "" : " AND p.id = ?"}`,
    purposeId === undefined ? [] : [purposeId],
  ).map((v) => ({ ...v, shortLayer: JSON.parse(v.shortLayer) }));
}

/** Whether a published version's short layer reads plainly (cached by version id). */
export function isPlainVersion(v: NoticeVersionFact): boolean {
  let plain = plainCache.get(v.id);
  if (plain === undefined) {
    plain = versionIsPlain(v);
    plainCache.set(v.id, plain);
  }
  return plain;
}
