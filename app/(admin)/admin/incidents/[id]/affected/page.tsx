import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { jurisdictions, type Jurisdiction } from "@/lib/jurisdictions";
import { dataCategories } from "@/lib/purposes/vocabulary";
import { purposeName } from "@/lib/purposes/titles";
import { toLocalInput } from "@/lib/requests/receipt";
import { getDateFormatter } from "@/lib/server/format";
import { getPurposeTitles } from "@/lib/server/purpose-titles";
import { getBrandSettings } from "@/db/staff";
import { getAffectedSummary, listAffectedPeople, listSelectablePurposes, listSelections } from "@/db/incident-affected";
import { Pager } from "@/components/ui/pager";
import { StackedCell, stackedRoles } from "@/components/ui/stacked-cell";
import { TableWrap } from "@/components/ui/table-wrap";
import { incidentTitle, loadIncidentPage } from "../load";
import { AffectedSelector } from "./affected-selector";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `${(await getTranslations("incidentAffected"))("title")} · ${await incidentTitle(params)}` };
}

const PAGE_SIZE = 50;
const querySchema = z.object({
  j: z.enum(jurisdictions).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

/**
 * The incident's affected people (issue 21, deliverable 2): how many per jurisdiction and language and how many
 * lack an address (a public notice stands in for them), the selection form for those who handle incidents, the
 * selections applied so far, and the people themselves a page at a time.
 */
export default async function IncidentAffectedPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, detail } = await loadIncidentPage(params, "incident:read", "/affected");
  const { incident, purposes: incidentPurposes } = detail;
  const query = querySchema.parse(await searchParams);
  const readsPeople = can(user.role, "subject:read-pii");
  const [t, tv, f, summary, selections, page, purposes, titles, brand] = await Promise.all([
    getTranslations("incidentAffected"),
    getTranslations("vocabulary"),
    getDateFormatter(),
    getAffectedSummary(incident.id),
    listSelections(incident.id),
    // Who the people are is personal data: only a member who may read it gets the list (subject:read-pii).
    readsPeople
      ? listAffectedPeople(incident.id, { jurisdiction: query.j, offset: (query.page - 1) * PAGE_SIZE, limit: PAGE_SIZE })
      : { people: [], total: 0 },
    listSelectablePurposes(),
    getPurposeTitles(),
    getBrandSettings(),
  ]);
  const n = (v: number) => f.number(v);
  const when = (d: Date) => f.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const zone = brand?.timeZone ?? "UTC";
  const canManage = can(user.role, "incident:manage") && incident.status === "open";
  const placeOptions = jurisdictions.map((j) => ({ value: j, label: tv(`jurisdiction.${j}`) }));
  const languagesOf = (j: Jurisdiction) =>
    summary.rows
      .filter((r) => r.jurisdiction === j)
      .map((r) => `${tv(`language.${r.locale}`)} ${n(r.people)}`)
      .join(" · ");
  const path = `/admin/incidents/${incident.id}/affected`;

  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="affected-h">
        <h2 id="affected-h">{t("title")}</h2>
        <p className="muted">{t("description")}</p>
        <p data-testid="affected-total">{t("summary.total", { total: summary.total })}</p>
        <TableWrap label={t("summary.label")} stacked>
          <table data-testid="affected-counts" {...stackedRoles.table}>
            <caption className="visually-hidden">{t("summary.label")}</caption>
            <thead {...stackedRoles.rowgroup}>
              <tr {...stackedRoles.row}>
                <th scope="col" {...stackedRoles.columnheader}>
                  {t("table.jurisdiction")}
                </th>
                <th scope="col" {...stackedRoles.columnheader}>
                  {t("table.people")}
                </th>
                <th scope="col" {...stackedRoles.columnheader}>
                  {t("table.withoutEmail")}
                </th>
                <th scope="col" {...stackedRoles.columnheader}>
                  {t("table.languages")}
                </th>
              </tr>
            </thead>
            <tbody {...stackedRoles.rowgroup}>
              {jurisdictions.map((j) => (
                <tr key={j} data-affected-jurisdiction={j} {...stackedRoles.row}>
                  <StackedCell rowHeader label={t("table.jurisdiction")}>
                    {tv(`jurisdiction.${j}`)}
                  </StackedCell>
                  <StackedCell label={t("table.people")}>{n(summary.counts[j])}</StackedCell>
                  <StackedCell label={t("table.withoutEmail")}>{n(summary.withoutEmail[j])}</StackedCell>
                  <StackedCell label={t("table.languages")}>{languagesOf(j) || "—"}</StackedCell>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        {Object.values(summary.withoutEmail).some((v) => v > 0) ? <p className="muted">{t("summary.withoutEmailHelp")}</p> : null}
      </section>

      {canManage ? (
        <AffectedSelector
          incidentId={incident.id}
          purposes={purposes.map((p) => ({ value: String(p.id), label: purposeName(p, titles) }))}
          categories={dataCategories.map((c) => ({ value: c, label: tv(`category.${c}`) }))}
          jurisdictions={placeOptions}
          initial={{
            purposeIds: incidentPurposes.map((p) => String(p.id)),
            categories: incident.dataCategories,
            from: incident.occurredFrom ? toLocalInput(incident.occurredFrom, zone) : "",
            to: incident.occurredTo ? toLocalInput(incident.occurredTo, zone) : "",
          }}
          stored={summary.total}
        />
      ) : incident.status !== "open" ? (
        <p className="muted">{t("closedNote")}</p>
      ) : null}

      <section className="card stack" aria-labelledby="selections-h">
        <h2 id="selections-h">{t("history.title")}</h2>
        {selections.length === 0 ? (
          <p className="muted">{t("history.none")}</p>
        ) : (
          <TableWrap label={t("history.tableLabel")} stacked>
            <table {...stackedRoles.table}>
              <caption className="visually-hidden">{t("history.tableLabel")}</caption>
              <thead {...stackedRoles.rowgroup}>
                <tr {...stackedRoles.row}>
                  <th scope="col" {...stackedRoles.columnheader}>
                    {t("history.when")}
                  </th>
                  <th scope="col" {...stackedRoles.columnheader}>
                    {t("history.by")}
                  </th>
                  <th scope="col" {...stackedRoles.columnheader}>
                    {t("history.how")}
                  </th>
                  <th scope="col" {...stackedRoles.columnheader}>
                    {t("history.found")}
                  </th>
                  <th scope="col" {...stackedRoles.columnheader}>
                    {t("history.after")}
                  </th>
                </tr>
              </thead>
              <tbody {...stackedRoles.rowgroup}>
                {selections.map((s) => (
                  <tr key={s.id} {...stackedRoles.row}>
                    <StackedCell label={t("history.when")}>{when(s.createdAt)}</StackedCell>
                    <StackedCell label={t("history.by")}>
                      <span translate="no">{s.createdByName ?? "—"}</span>
                    </StackedCell>
                    <StackedCell label={t("history.how")}>
                      {t(`history.sources.${s.source}`)} · {t(`history.modes.${s.mode}`)}
                      {s.listReport ? ` · ${t("run.listReport", s.listReport)}` : ""}
                    </StackedCell>
                    <StackedCell label={t("history.found")}>
                      {t("history.foundIn", { found: s.found, seconds: (s.durationMs / 1000).toFixed(1) })}
                    </StackedCell>
                    <StackedCell label={t("history.after")}>{n(s.affectedAfter)}</StackedCell>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>

      {summary.total > 0 && !readsPeople ? <p className="muted">{t("people.noPii")}</p> : null}
      {summary.total > 0 && readsPeople ? (
        <section className="card stack" aria-labelledby="people-h">
          <h2 id="people-h">{t("people.title")}</h2>
          <nav className="tags" aria-label={t("people.filter")}>
            <a href={path} aria-current={query.j ? undefined : "page"}>
              {t("people.all")}
            </a>
            {jurisdictions
              .filter((j) => summary.counts[j] > 0)
              .map((j) => (
                <a key={j} href={`${path}?j=${encodeURIComponent(j)}`} aria-current={query.j === j ? "page" : undefined}>
                  {tv(`jurisdiction.${j}`)}
                </a>
              ))}
          </nav>
          <TableWrap label={t("people.tableLabel")} stacked>
            <table data-testid="affected-people" {...stackedRoles.table}>
              <caption className="visually-hidden">{t("people.tableLabel")}</caption>
              <thead {...stackedRoles.rowgroup}>
                <tr {...stackedRoles.row}>
                  <th scope="col" {...stackedRoles.columnheader}>
                    {t("people.person")}
                  </th>
                  <th scope="col" {...stackedRoles.columnheader}>
                    {t("table.jurisdiction")}
                  </th>
                  <th scope="col" {...stackedRoles.columnheader}>
                    {t("people.language")}
                  </th>
                </tr>
              </thead>
              <tbody {...stackedRoles.rowgroup}>
                {page.people.map((p) => (
                  <tr key={p.subjectId} {...stackedRoles.row}>
                    <StackedCell label={t("people.person")}>
                      <span translate="no">
                        <a href={`/admin/subjects/${p.uid}`}>{p.email ?? p.externalId ?? p.uid}</a>
                        {p.name ? <span className="muted"> · {p.name}</span> : null}
                      </span>
                    </StackedCell>
                    <StackedCell label={t("table.jurisdiction")}>{tv(`jurisdiction.${p.jurisdiction}`)}</StackedCell>
                    <StackedCell label={t("people.language")}>{tv(`language.${p.locale}`)}</StackedCell>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Pager
            path={path}
            filters={{ j: query.j }}
            page={query.page}
            hasMore={query.page * PAGE_SIZE < page.total}
            labels={{ nav: t("people.pages"), back: t("people.back"), on: t("people.on"), page: t("people.page", { page: query.page }) }}
          />
        </section>
      ) : null}
    </div>
  );
}
