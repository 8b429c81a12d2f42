import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requirePagePermission } from "@/lib/server/session";
import { searchSubjects } from "@/db/subjects";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { TableWrap } from "@/components/ui/table-wrap";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("subjects"))("title") };
}

const querySchema = z.object({ q: z.string().trim().max(200).catch("") }).catch({ q: "" });

/** Finding one customer's record, for privacy officers answering a question or a request. */
export default async function SubjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission("subject:read-pii", "/admin/subjects");
  const t = await getTranslations("subjects");
  const { q } = querySchema.parse(await searchParams);
  const found = q ? await searchSubjects(q) : [];
  return (
    <div className="stack">
      <PageHeader title={t("title")} description={t("description")} />
      <form method="get" className="filters card" role="search" aria-label={t("searchLabel")}>
        <div className="field">
          <label htmlFor="subject-q">{t("query")}</label>
          <input id="subject-q" name="q" type="search" size={32} defaultValue={q} placeholder="name@example.com, CUST-000123" />
        </div>
        <div className="field">
          <button type="submit" className="button">
            {t("search")}
          </button>
        </div>
      </form>
      {q && found.length === 0 ? (
        <div className="card">
          <EmptyState title={t("noneTitle")}>{t("noneBody")}</EmptyState>
        </div>
      ) : null}
      {found.length ? (
        <TableWrap label={t("results")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("email")}</th>
                <th scope="col">{t("externalId")}</th>
                <th scope="col">{t("jurisdiction")}</th>
                <th scope="col">{t("locale")}</th>
              </tr>
            </thead>
            <tbody>
              {found.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link href={`/admin/subjects/${s.uid}`}>{s.email ?? s.uid}</Link>
                  </td>
                  <td className="mono">{s.externalId ?? "—"}</td>
                  <td>{s.jurisdiction}</td>
                  <td>{s.locale}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </div>
  );
}
