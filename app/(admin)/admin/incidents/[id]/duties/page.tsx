import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { DEFAULT_APPI_PRELIMINARY_DAYS, clockParts, dueInstant } from "@/lib/incidents/clocks";
import { nearestClock, type Duty, type DutyStatus } from "@/lib/incidents/duties";
import type { DutyKind } from "@/lib/incidents/vocabulary";
import { getDateFormatter } from "@/lib/server/format";
import { requirePagePermission } from "@/lib/server/session";
import { getIncidentDuties } from "@/db/incident-duties";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { AppiTargetForm } from "./appi-target-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incidentDuties"))("title") };
}

/** The laws in the order the tab shows them, each with its duties (lib/incidents/vocabulary.ts dutyKinds). */
const laws: { law: "gdpr" | "pipa" | "appi" | "ca"; kinds: DutyKind[] }[] = [
  { law: "gdpr", kinds: ["gdpr_authority", "gdpr_people"] },
  { law: "pipa", kinds: ["pipa_people", "pipa_authority"] },
  { law: "appi", kinds: ["appi_preliminary", "appi_final", "appi_people"] },
  { law: "ca", kinds: ["ca_people", "ca_attorney_general"] },
];

const tone: Record<DutyStatus, BadgeTone> = {
  not_applicable: "neutral",
  undetermined: "info",
  open: "warn",
  overdue: "danger",
  met: "ok",
  late: "danger",
};

/**
 * An incident's duties per law (issue 21, deliverable 3): whether each applies and why, when it is due in the brand's
 * time zone and how long is left, what the register still lacks for it, and whether it was met on time. Counts and
 * clocks only: no person is named here.
 */
export default async function IncidentDutiesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const path = `/admin/incidents/${raw}/duties`;
  const user = await requirePagePermission("incident:read", path);
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const now = new Date();
  const found = await getIncidentDuties(id, now);
  if (!found) notFound();
  const { incident, duties, inputs, brand } = found;
  const [t, f] = await Promise.all([getTranslations("incidentDuties"), getDateFormatter()]);
  const when = (d: Date) => f.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const byKind = new Map(duties.map((d) => [d.kind, d]));
  const nearest = nearestClock(duties);
  const selected = Object.values(inputs.affected).some((n) => (n ?? 0) > 0);
  const left = (at: Date) => {
    const p = clockParts(at, now);
    return t(p.overdue ? "overdueBy" : "left", p.span);
  };
  const dueText = (d: Duty) => {
    if (!d.due) return null;
    if (d.due.kind === "after") return t("due.after", { days: d.due.days });
    return t(`due.${d.due.kind}`, { at: when(d.due.at) });
  };
  return (
    <div className="stack">
      <section className="stack" aria-labelledby="duties-h">
        <h2 id="duties-h">{t("title")}</h2>
        <p className="muted" style={{ margin: 0 }}>
          {t("description")}
        </p>
        {incident.drill ? (
          <p className="alert warn" role="status">
            {t("drill")}
          </p>
        ) : null}
        <div className="card stack" style={{ gap: "0.3rem" }}>
          <p data-testid="duties-summary" style={{ margin: 0 }}>
            {t("summary", {
              applying: duties.filter((d) => d.applies).length,
              overdue: duties.filter((d) => d.status === "overdue").length,
            })}
          </p>
          <p data-testid="nearest-clock" style={{ margin: 0 }}>
            {nearest ? t("nearest", { duty: t(`kinds.${nearest.kind}`), when: `${when(nearest.at)} (${left(nearest.at)})` }) : t("noClock")}
          </p>
          <p className="muted" style={{ margin: 0 }}>
            {t("awareAt", { at: when(incident.awareAt) })}
          </p>
        </div>
        {selected ? null : (
          <p className="alert warn" role="status">
            {t("affectedNone")}{" "}
            {can(user.role, "incident:manage") ? <Link href={`/admin/incidents/${id}/affected`}>{t("selectAffected")}</Link> : null}
          </p>
        )}
      </section>
      {laws.map(({ law, kinds }) => (
        <section key={law} className="stack" aria-labelledby={`law-${law}`} data-testid={`law-${law}`}>
          <h2 id={`law-${law}`}>{t(`law.${law}`)}</h2>
          {kinds.map((kind) => {
            const d = byKind.get(kind)!;
            const at = dueInstant(d.due);
            const running = d.status === "open" || d.status === "overdue" || d.status === "undetermined";
            return (
              <article
                key={kind}
                className="card stack"
                style={{ gap: "0.4rem" }}
                aria-labelledby={`duty-${kind}`}
                data-testid={`duty-${kind}`}
              >
                <div className="row" style={{ flexWrap: "wrap", gap: "0.5rem", justifyContent: "space-between" }}>
                  <h3 id={`duty-${kind}`} style={{ margin: 0 }}>
                    {t(`kinds.${kind}`)}
                  </h3>
                  <Badge tone={tone[d.status]}>{t(`status.${d.status}`)}</Badge>
                </div>
                {d.applies ? (
                  <p className="muted" style={{ margin: 0 }}>
                    {t(`form.${d.form}`)} · {t("people", { count: d.people })}
                  </p>
                ) : null}
                {d.due ? (
                  <p style={{ margin: 0 }} data-testid="due">
                    {dueText(d)}
                    {at && running ? <strong className={d.status === "overdue" ? "error" : undefined}> · {left(at)}</strong> : null}
                  </p>
                ) : null}
                {d.metAt ? (
                  <p style={{ margin: 0 }}>
                    {t("metAt", { at: when(d.metAt) })} · {t("filings", { count: d.filings })}
                  </p>
                ) : null}
                <ul style={{ margin: 0 }} aria-label={t(`kinds.${kind}`)}>
                  {d.why.map((w) => (
                    <li key={w}>{t(`why.${w}`)}</li>
                  ))}
                </ul>
                {d.missing.length ? (
                  <div className="alert warn" style={{ margin: 0 }}>
                    <strong>{t("missing.title")}</strong>
                    <ul style={{ margin: 0 }}>
                      {d.missing.map((m) => (
                        <li key={m}>{t(`missing.${m}`)}</li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                {d.applies ? (
                  <p style={{ margin: 0 }}>
                    <Link href={`/admin/incidents/${id}/${d.form === "report" ? "reports" : "notices"}`}>
                      {t(d.form === "report" ? "openReports" : "openNotices")}
                    </Link>
                  </p>
                ) : null}
              </article>
            );
          })}
        </section>
      ))}
      {can(user.role, "incident:manage") ? <AppiTargetForm current={brand.appiPreliminaryDays ?? DEFAULT_APPI_PRELIMINARY_DAYS} /> : null}
    </div>
  );
}
