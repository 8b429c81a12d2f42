import { getTranslations } from "next-intl/server";
import { incidentFields, type IncidentField } from "@/lib/incidents/incident";
import { getDateFormatter } from "@/lib/server/format";
import type { IncidentTimelineEntry } from "@/db/incidents";

const isField = (f: unknown): f is IncidentField => typeof f === "string" && (incidentFields as readonly string[]).includes(f);

/** The incident's steps, oldest first: what happened, who took the step (Candor's own steps say so), when. */
export async function IncidentTimeline({ entries }: { entries: IncidentTimelineEntry[] }) {
  const [t, tfield, format] = await Promise.all([
    getTranslations("incidents.timeline"),
    getTranslations("incidents.field"),
    getDateFormatter(),
  ]);
  if (entries.length === 0) return <p className="muted">{t("empty")}</p>;
  const what = (e: IncidentTimelineEntry) => {
    if (e.kind !== "edited") return t(e.kind);
    const fields = Array.isArray(e.details.fields) ? e.details.fields.filter(isField) : [];
    return t("edited", { fields: fields.map((f) => tfield(f)).join(", ") });
  };
  return (
    <ol className="stack" style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {entries.map((e) => (
        <li key={e.id} style={{ borderLeft: "3px solid var(--border)", paddingLeft: "0.75rem" }}>
          <strong>{what(e)}</strong>
          <br />
          <span className="muted">
            <time dateTime={e.at.toISOString()}>{format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}</time> ·{" "}
            {e.actorName ? <span translate="no">{t("by", { name: e.actorName })}</span> : <span translate="no">{t("system")}</span>}
          </span>
          {typeof e.details.note === "string" && e.details.note ? (
            <p style={{ margin: "0.25rem 0 0" }} translate="no">
              {e.details.note}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
