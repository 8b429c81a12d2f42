import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { reportLocale } from "@/lib/incidents/drafts";
import type { FillAt } from "@/lib/incidents/drafts/types";
import type { Duty } from "@/lib/incidents/duties";
import { isLocale, localeNames, locales } from "@/lib/i18n/config";
import { toLocalInput } from "@/lib/requests/receipt";
import { NotFoundError } from "@/lib/errors";
import { getDateFormatter } from "@/lib/server/format";
import { loadIncidentReports, type IncidentReport } from "@/lib/server/incident-reports";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { MarkSentForm } from "@/components/incidents/mark-sent-form";
import { ReportDraft } from "@/components/incidents/report-draft";
import { ReportFieldsForm } from "@/components/incidents/report-fields-form";
import { incidentTitle, loadIncidentPage } from "../load";
import { markReportSentAction, saveReportFieldsAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [t, incident] = await Promise.all([getTranslations("incidentReports.page"), incidentTitle(params)]);
  return { title: `${t("heading")} · ${incident}` };
}

const tone: Record<Duty["status"], BadgeTone> = {
  not_applicable: "neutral",
  undetermined: "info",
  open: "warn",
  overdue: "danger",
  met: "ok",
  late: "warn",
};

function fillHref(id: number, at: FillAt): string {
  return {
    incident: `/admin/incidents/${id}/edit`,
    affected: `/admin/incidents/${id}/affected`,
    brand: "/admin/settings/controller",
    report: "#report-fields",
    notices: `/admin/incidents/${id}/notices`,
  }[at];
}

/**
 * The incident's reports to authorities (issue 21 deliverable 4): each law's draft with its items filled or flagged,
 * downloads as HTML and PDF in any of the three languages, the reports marked sent, and the officer's report fields.
 * Privacy officers and administrators only (incident:read; incident:manage to write).
 */
export default async function IncidentReportsPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, detail } = await loadIncidentPage(params, "incident:read", "/reports");
  const id = detail.incident.id;
  const locale = await getLocale();
  const now = new Date();
  const loaded = await loadIncidentReports(id, isLocale(locale) ? locale : "en", now).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const [t, td, ti, format] = await Promise.all([
    getTranslations("incidentReports"),
    getTranslations("incidentDuties"),
    getTranslations("incidents"),
    getDateFormatter(),
  ]);
  const { inputs, reports } = loaded;
  const manage = can(user.role, "incident:manage");
  const nowInput = toLocalInput(now, inputs.timeZone);
  const dueText = (d: Duty) =>
    !d.due
      ? null
      : d.due.kind === "after"
        ? td("due.after", { days: d.due.days })
        : td(`due.${d.due.kind}`, { at: format.dateTime(d.due.at, { dateStyle: "medium", timeStyle: "short" }) });
  // Reports whose duty applies (or may, once people are known) first; the rest stay listed, their drafts one click away.
  const order = (r: IncidentReport) =>
    r.status && r.status.status !== "not_applicable" ? 0 : inputs.filings.some((f) => f.duty === r.duty) ? 0 : 1;
  const sorted = [...reports].sort((a, b) => order(a) - order(b));

  return (
    <div className="stack">
      <header className="stack" style={{ gap: "0.25rem" }}>
        <h2 style={{ margin: 0 }}>{t("page.heading")}</h2>
        <p className="muted" style={{ margin: 0 }}>
          {t("page.intro")}
        </p>
      </header>
      {inputs.incident.drill ? <p className="alert warn">{t("page.drill")}</p> : null}
      {sorted.map((r) => {
        const filings = inputs.filings.filter((f) => f.duty === r.duty);
        const headingId = `report-${r.duty}`;
        const base = `/admin/incidents/${id}/reports/${r.duty}`;
        return (
          <section key={r.duty} className="card stack" aria-labelledby={headingId}>
            <div className="row" style={{ justifyContent: "space-between", flexWrap: "wrap", gap: "0.5rem" }}>
              <h3 id={headingId} style={{ margin: 0 }}>
                {td(`kinds.${r.duty}`)}
              </h3>
              {r.status ? <Badge tone={tone[r.status.status]}>{td(`status.${r.status.status}`)}</Badge> : null}
            </div>
            {r.status && r.status.status !== "not_applicable" && dueText(r.status) ? (
              <p style={{ margin: 0 }}>{dueText(r.status)}</p>
            ) : null}
            {r.missing.length ? (
              <div className="stack" style={{ gap: "0.25rem" }}>
                <p className="error" style={{ margin: 0 }}>
                  {t("page.missingCount", { count: r.missing.length })}
                </p>
                <ul style={{ margin: 0, paddingLeft: "1.1rem" }}>
                  {r.missing.map((m) => (
                    <li key={m.key}>
                      {m.label}: <Link href={fillHref(id, m.fillAt)}>{t(`page.fillAt.${m.fillAt}`)}</Link>
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="muted" style={{ margin: 0 }}>
                {t("page.complete")}
              </p>
            )}
            <details>
              <summary>{t("page.showDraft")}</summary>
              <ReportDraft draft={r.draft} words={{ missing: t("page.missing"), notYetKnown: t("page.notYetKnown") }} />
            </details>
            <form method="get" action={`${base}/html`} className="row" style={{ flexWrap: "wrap", gap: "0.5rem", alignItems: "end" }}>
              <div className="field">
                <label htmlFor={`${headingId}-lang`}>{t("page.language")}</label>
                <select id={`${headingId}-lang`} name="lang" defaultValue={reportLocale[r.duty]}>
                  {locales.map((l) => (
                    <option key={l} value={l} lang={l}>
                      {localeNames[l]}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button secondary">
                {t("page.downloadHtml")}
              </button>
              <button type="submit" className="button secondary" formAction={`${base}/pdf`}>
                {t("page.downloadPdf")}
              </button>
            </form>
            <div className="stack" style={{ gap: "0.25rem" }}>
              <h4 style={{ margin: 0 }}>{t("page.sentHeading")}</h4>
              {filings.length ? (
                <ul style={{ margin: 0, paddingLeft: "1.1rem" }}>
                  {filings.map((f) => (
                    <li key={f.id}>
                      {t("page.sentRow", {
                        n: f.sequence,
                        date: format.dateTime(f.sentAt, { dateStyle: "medium", timeStyle: "short" }),
                        channel: ti(`channel.${f.channel}`),
                      })}
                      {f.receipt ? (
                        <>
                          {" · "}
                          {t("page.receipt")} <span translate="no">{f.receipt}</span>
                        </>
                      ) : null}
                      {f.recordedByName ? ` · ${t("page.recordedBy", { name: f.recordedByName })}` : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted" style={{ margin: 0 }}>
                  {t("page.notSent")}
                </p>
              )}
            </div>
            {manage ? (
              <details>
                <summary>{t("page.markSent")}</summary>
                <MarkSentForm
                  incidentId={id}
                  duty={r.duty}
                  label={td(`kinds.${r.duty}`)}
                  defaultLocale={reportLocale[r.duty]}
                  now={nowInput}
                  action={markReportSentAction}
                />
              </details>
            ) : null}
          </section>
        );
      })}
      {manage ? (
        <section className="card stack" aria-labelledby="report-fields-heading" id="report-fields">
          <h3 id="report-fields-heading" style={{ margin: 0 }}>
            {t("page.fieldsHeading")}
          </h3>
          <p className="muted" style={{ margin: 0 }}>
            {t("page.fieldsIntro")}
          </p>
          <ReportFieldsForm incidentId={id} initial={inputs.additions} action={saveReportFieldsAction} />
        </section>
      ) : null}
    </div>
  );
}
