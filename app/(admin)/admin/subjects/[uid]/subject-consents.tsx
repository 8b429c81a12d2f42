import { getFormatter, getTranslations } from "next-intl/server";
import { purposeName } from "@/lib/purposes/titles";
import { getPurposeTitles } from "@/lib/server/purpose-titles";
import type { PurposeConsent } from "@/db/consent";
import { Badge } from "@/components/ui/badge";
import { TableWrap } from "@/components/ui/table-wrap";

const tone = { granted: "ok", denied: "neutral", withdrawn: "warn", expired: "warn", none: "neutral" } as const;

/** The subject's current state per purpose, with what makes it not what it seems: stale, expiring, from GPC. */
export async function SubjectConsents({ consents }: { consents: PurposeConsent[] }) {
  const [t, tv, format, titles] = await Promise.all([
    getTranslations("subjects"),
    getTranslations("vocabulary"),
    getFormatter(),
    getPurposeTitles(),
  ]);
  return (
    // Not a region of its own: the table's frame is the one region named "Consents" (two of one name confuse a landmark list).
    <div className="stack">
      <h2 id="consents">{t("consents")}</h2>
      <TableWrap label={t("consents")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("purpose")}</th>
              <th scope="col">{t("state")}</th>
              <th scope="col">{t("channels")}</th>
              <th scope="col">{t("decided")}</th>
              <th scope="col">{t("expires")}</th>
            </tr>
          </thead>
          <tbody>
            {consents.map((c) => (
              <tr key={c.purposeId} data-purpose={c.purpose}>
                <th scope="row">
                  {purposeName({ key: c.purpose, name: c.name }, titles)}
                  <div className="muted">{tv(`basis.${c.legalBasis}`)}</div>
                </th>
                <td>
                  <Badge tone={tone[c.state]}>{t(`states.${c.state}`)}</Badge> {c.stale ? <Badge tone="warn">{t("stale")}</Badge> : null}{" "}
                  {c.gpc ? <Badge tone="info">GPC</Badge> : null} {c.limited ? <Badge tone="danger">{t("limited")}</Badge> : null}
                </td>
                <td>{c.grantedChannels.length ? c.grantedChannels.map((ch) => tv(`channel.${ch}`)).join(", ") : "—"}</td>
                <td>{c.decidedAt ? format.dateTime(c.decidedAt, { dateStyle: "medium" }) : "—"}</td>
                <td>{c.expiresAt ? format.dateTime(c.expiresAt, { dateStyle: "medium" }) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}
