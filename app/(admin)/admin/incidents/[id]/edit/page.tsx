import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { incidentFormValues } from "@/lib/incidents/form-values";
import { IncidentForm } from "@/components/incidents/incident-form";
import { updateIncidentAction } from "../../actions";
import { registerFormContext } from "../../choices";
import { incidentTitle, loadIncidentPage } from "../load";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: await incidentTitle(params) };
}

/** Edits an open incident's register entry; a closed one is kept as it is until reopened. */
export default async function EditIncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { detail } = await loadIncidentPage(params, "incident:manage", "/edit");
  const { incident } = detail;
  const [t, ctx] = await Promise.all([getTranslations("incidents"), registerFormContext()]);
  if (incident.status === "closed")
    return (
      <section className="card stack">
        <p>{t("overview.closedNoEdit")}</p>
        <p>
          <Link href={`/admin/incidents/${incident.id}`}>{t("tabs.overview")}</Link>
        </p>
      </section>
    );
  return (
    <section className="stack" aria-label={t("editTitle", { reference: incident.reference })}>
      <h2>{t("editTitle", { reference: incident.reference })}</h2>
      <IncidentForm
        action={updateIncidentAction.bind(null, incident.id)}
        values={incidentFormValues(incident, ctx.timeZone)}
        zone={ctx.timeZone}
        purposes={ctx.purposes}
        recipients={ctx.recipients}
        submitLabel={t("form.save")}
      />
    </section>
  );
}
