import "server-only";
import { getTranslations } from "next-intl/server";
import { clockParts, type OpenIncidentClockRow } from "@/lib/incidents/clocks";
import { listOpenIncidentClocks } from "@/db/incident-duties";
import { getDateFormatter } from "./format";

/**
 * The open incidents with their nearest clock in the reader's words and the brand's time zone, for privacy
 * operations and the trust dashboard. `titles` only for members who read the register: an executive sees the
 * reference, counts and clocks, never a title a staff member typed (it may name a person).
 */
export async function loadOpenIncidentRows(titles: boolean, now = new Date()): Promise<OpenIncidentClockRow[]> {
  const [list, t, f] = await Promise.all([listOpenIncidentClocks(now), getTranslations("incidentDuties"), getDateFormatter()]);
  return list.map((i) => {
    const p = i.nearest ? clockParts(i.nearest.at, now) : null;
    return {
      id: i.id,
      reference: i.reference,
      title: titles ? i.title : null,
      drill: i.drill,
      // A clock that runs before anyone is selected says so: its duty may not apply once the people are known.
      nearest: i.nearest
        ? i.nearest.status === "undetermined"
          ? `${t(`kinds.${i.nearest.kind}`)} (${t("status.undetermined")})`
          : t(`kinds.${i.nearest.kind}`)
        : null,
      due: i.nearest ? f.dateTime(i.nearest.at, { dateStyle: "medium", timeStyle: "short" }) : null,
      left: p ? t(p.overdue ? "overdueBy" : "left", p.span) : null,
      late: p?.overdue ?? false,
      overdue: i.overdue,
      affected: i.affected,
    };
  });
}
