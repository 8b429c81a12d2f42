import { getTranslations } from "next-intl/server";
import type { RequestQueueFilter } from "@/lib/requests/filter";

/** The queue's CSV download, carrying the filters shown (not the page: the file holds every matching row). */
export async function ExportLink({ filter }: { filter: RequestQueueFilter }) {
  const t = await getTranslations("bulk");
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    if (key !== "page" && value !== undefined && value !== "") params.set(key, String(value));
  const query = params.toString();
  return (
    <a className="button secondary" href={`/admin/requests/export${query ? `?${query}` : ""}`} download aria-label={t("exportLabel")}>
      {t("export")}
    </a>
  );
}
