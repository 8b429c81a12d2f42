import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { categoriesInUse, minimizationHints } from "@/lib/purposes/data-map";
import { withPurposeNames } from "@/lib/purposes/titles";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/server/session";
import { getPurposeTitles } from "@/lib/server/purpose-titles";
import { listPurposes } from "@/db/purposes";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TableWrap } from "@/components/ui/table-wrap";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dataMap"))("title") };
}

/** Purposes × data categories × recipients (from the registry) on one page, with minimization hints. */
export default async function DataMapPage() {
  const user = await requirePagePermission("purpose:read", "/admin/data-map");
  const linkRecipients = can(user.role, "recipient:read");
  const [t, tv] = await Promise.all([getTranslations("dataMap"), getTranslations("vocabulary")]);
  const purposes = withPurposeNames(
    (await listPurposes()).filter((p) => p.status === "active" || p.status === "in_review"),
    await getPurposeTitles(),
  );
  const categories = categoriesInUse(purposes);
  const hints = minimizationHints(purposes.filter((p) => p.status === "active"));
  return (
    <div className="stack">
      <PageHeader title={t("title")} description={t("description")} />
      {hints.size ? (
        <section className="alert warn stack" aria-labelledby="hints-heading" style={{ gap: "0.4rem" }}>
          <h2 id="hints-heading" style={{ margin: 0 }}>
            {t("hintsHeading")}
          </h2>
          <ul style={{ margin: 0 }}>
            {[...hints].map(([id, h]) => {
              const p = purposes.find((x) => x.id === id)!;
              return (
                <li key={id}>
                  {t("hint", {
                    name: p.name,
                    basis: tv(`basis.${p.legalBasis}`),
                    peers: h.peers,
                    extra: h.extra.map((c) => tv(`category.${c}`)).join(", ") || "—",
                  })}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <TableWrap label={t("caption")}>
        <table className="data-map">
          <caption className="visually-hidden">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("purpose")}</th>
              {categories.map((c) => (
                <th scope="col" key={c} className="center">
                  {tv(`category.${c}`)}
                </th>
              ))}
              <th scope="col" className="num">
                {t("retention")}
              </th>
              <th scope="col">{t("appliesIn")}</th>
              <th scope="col">{t("recipients")}</th>
            </tr>
          </thead>
          <tbody>
            {purposes.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link href={`/admin/purposes/${p.id}`}>{p.name}</Link>
                  <div className="muted">{tv(`basis.${p.legalBasis}`)}</div>
                  <div className="tags">
                    {p.status === "in_review" ? <Badge tone="warn">{tv("status.in_review")}</Badge> : null}
                    {hints.has(p.id) ? <Badge tone="warn">{t("collectsMost")}</Badge> : null}
                    {p.sensitiveBeyondPermitted ? <Badge tone="warn">{t("limitable")}</Badge> : null}
                  </div>
                </th>
                {categories.map((c) => (
                  <td key={c} className="center">
                    {p.dataCategories.includes(c as never) ? (
                      <span title={tv(`category.${c}`)}>
                        <span aria-hidden="true">●</span>
                        <span className="visually-hidden">{t("collected")}</span>
                      </span>
                    ) : (
                      <span className="visually-hidden">{t("notCollected")}</span>
                    )}
                  </td>
                ))}
                <td className="num">{t("days", { days: p.retentionDays })}</td>
                <td>
                  {p.jurisdictions.map((j, i) => (
                    <span key={j}>
                      {i > 0 ? ", " : null}
                      <abbr title={tv.has(`jurisdiction.${j}`) ? tv(`jurisdiction.${j}`) : j}>{j}</abbr>
                    </span>
                  ))}
                </td>
                <td>
                  {p.recipients.length
                    ? p.recipients.map((r) => (
                        <div key={r.id}>
                          {linkRecipients ? <Link href={`/admin/recipients/${r.id}`}>{r.name}</Link> : r.name}{" "}
                          <span className="muted">
                            ({r.country} · {tv(`role.${r.role}`)})
                          </span>
                        </div>
                      ))
                    : t("none")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {purposes.length === 0 ? <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState> : null}
      </TableWrap>
    </div>
  );
}
