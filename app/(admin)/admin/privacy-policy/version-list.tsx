import { getTranslations } from "next-intl/server";
import { getDateFormatter } from "@/lib/server/format";
import type { PolicyVersionRow } from "@/db/policy";
import { Badge } from "@/components/ui/badge";

/** Every version, newest first: its state, when it was published and by whom, and how many people a change told. */
export async function VersionList({ versions }: { versions: PolicyVersionRow[] }) {
  const [t, format] = await Promise.all([getTranslations("privacyPolicy.admin"), getDateFormatter()]);
  if (versions.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="policy-history">
      <h2 id="policy-history" style={{ margin: 0 }}>
        {t("historyHeading")}
      </h2>
      <ol className="stack" style={{ listStyle: "none", padding: 0, margin: 0, gap: "0.4rem" }} reversed>
        {versions.map((v) => (
          <li key={v.id} className="row" style={{ gap: "0.5rem", flexWrap: "wrap" }}>
            <strong>{t("statusLine", { version: v.version, status: t(`statuses.${v.status}`) })}</strong>
            {v.publishedAt ? (
              <span className="muted">{format.dateTime(v.publishedAt, { dateStyle: "medium", timeStyle: "short" })}</span>
            ) : null}
            {v.reviewerName && v.publishedAt ? <span className="muted">{v.reviewerName}</span> : null}
            {v.publishedAt && v.version > 1 ? (
              <Badge tone={v.material ? "warn" : "neutral"}>{v.material ? t("materialBadge") : t("editorialBadge")}</Badge>
            ) : null}
            {v.publishedAt ? <span className="muted">{t("historyNotified", { count: v.notified })}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
