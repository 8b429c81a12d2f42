import { getTranslations } from "next-intl/server";
import { getDateFormatter } from "@/lib/server/format";
import type { NoticeVersionRow } from "@/db/notices";
import { Badge } from "@/components/ui/badge";
import { TableWrap } from "@/components/ui/table-wrap";

const tone = { draft: "neutral", in_review: "warn", published: "ok", superseded: "neutral" } as const;

/** Every version of this notice: who wrote it, who published it, when, and whether it was material. */
export async function VersionHistory({ versions }: { versions: NoticeVersionRow[] }) {
  const [t, format] = await Promise.all([getTranslations("noticeEditor"), getDateFormatter()]);
  if (versions.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="history">
      <h2 id="history">{t("historyHeading")}</h2>
      <TableWrap label={t("historyHeading")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("version")}</th>
              <th scope="col">{t("statusLabel")}</th>
              <th scope="col">{t("author")}</th>
              <th scope="col">{t("reviewer")}</th>
              <th scope="col">{t("publishedAt")}</th>
              <th scope="col">{t("materialLabel")}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id}>
                <td>v{v.version}</td>
                <td>
                  <Badge tone={tone[v.status]}>{t(`versionStatus.${v.status}`)}</Badge>
                </td>
                <td>{v.authorName ?? "—"}</td>
                <td>{v.reviewerName ?? "—"}</td>
                <td>{v.publishedAt ? format.dateTime(v.publishedAt, { dateStyle: "medium", timeStyle: "short" }) : "—"}</td>
                <td>{v.version === 1 ? "—" : v.material ? t("yes") : t("no")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
