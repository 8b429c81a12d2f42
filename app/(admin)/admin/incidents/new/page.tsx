import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { newIncidentFormValues } from "@/lib/incidents/form-values";
import { requirePagePermission } from "@/lib/server/session";
import { PageHeader } from "@/components/ui/page-header";
import { IncidentForm } from "@/components/incidents/incident-form";
import { createIncidentAction } from "../actions";
import { registerFormContext } from "../choices";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incidents"))("newTitle") };
}

/** Records an incident: when the brand became aware (the clocks start there), what happened, the data, the risk. */
export default async function NewIncidentPage() {
  await requirePagePermission("incident:manage", "/admin/incidents/new");
  const [t, ctx] = await Promise.all([getTranslations("incidents"), registerFormContext()]);
  return (
    <div className="stack">
      <PageHeader title={t("newTitle")} description={t("description")} />
      <IncidentForm
        action={createIncidentAction}
        values={newIncidentFormValues(new Date(), ctx.timeZone)}
        zone={ctx.timeZone}
        purposes={ctx.purposes}
        recipients={ctx.recipients}
        submitLabel={t("form.record")}
      />
    </div>
  );
}
