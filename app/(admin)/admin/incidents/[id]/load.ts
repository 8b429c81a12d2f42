import "server-only";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser, requirePagePermission, type CurrentUser } from "@/lib/server/session";
import { getIncident, type IncidentDetail } from "@/db/incidents";

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

type Params = Promise<{ id: string }>;

/**
 * Every incident page starts here: the permission (checked on the server for each page, not only in the layout),
 * then the incident named by the route's id; a malformed or unknown id is a 404.
 */
export async function loadIncidentPage(
  params: Params,
  permission: "incident:read" | "incident:manage" = "incident:read",
  section = "",
): Promise<{ user: CurrentUser; detail: IncidentDetail }> {
  const id = (await params).id;
  const user = await requirePagePermission(permission, `/admin/incidents/${id}${section}`);
  const parsed = idSchema.safeParse(id);
  const detail = parsed.success ? await getIncident(parsed.data) : undefined;
  if (!detail) notFound();
  return { user, detail };
}

/** The page title: the incident's reference for whoever may read the register, the section's name for anyone else. */
export async function incidentTitle(params: Params): Promise<string> {
  const t = await getTranslations("incidents");
  const user = await getCurrentUser();
  if (!user || !can(user.role, "incident:read")) return t("title");
  const parsed = idSchema.safeParse((await params).id);
  const detail = parsed.success ? await getIncident(parsed.data) : undefined;
  return detail ? `${detail.incident.reference} · ${detail.incident.title}` : t("title");
}
