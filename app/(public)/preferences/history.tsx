import { getTranslations } from "next-intl/server";
import { getDateFormatter } from "@/lib/server/format";
import { TableWrap } from "@/components/ui/table-wrap";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { SubjectEventRow } from "@/db/consent";
import { HISTORY_LIMIT } from "./load";

/** The subject's own ledger, newest first, each event with its receipt. */
export async function History({
  events,
  titles,
  objections,
}: {
  events: SubjectEventRow[];
  titles: Map<string, string>;
  objections: Set<string>;
}) {
  const [t, tv, tr, format] = await Promise.all([
    getTranslations("preferences.history"),
    getTranslations("vocabulary.channel"),
    getTranslations("receipts.history"),
    getDateFormatter(),
  ]);
  return (
    <section className="stack" aria-labelledby="history">
      <h2 id="history">{t("title")}</h2>
      <p className="muted" style={{ margin: 0 }}>
        {t("intro")}
      </p>
      {events.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <TableWrap label={t("title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("purpose")}</th>
                <th scope="col">{t("what")}</th>
                <th scope="col">{t("source")}</th>
                <th scope="col">{t("notice")}</th>
                <th scope="col">{t("receipt")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => {
                const title = titles.get(e.purposeKey) ?? e.purposeName;
                const when = format.dateTime(e.occurredAt, { dateStyle: "medium", timeStyle: "short" });
                return (
                  <tr key={e.id}>
                    <td style={{ whiteSpace: "nowrap" }}>
                      <time dateTime={e.occurredAt.toISOString()}>{when}</time>
                    </td>
                    <th scope="row">{title}</th>
                    <td>
                      {t(
                        `event.${objections.has(e.purposeKey) && (e.event === "denied" || e.event === "withdrawn") ? "objected" : e.event}`,
                      )}
                      {e.channel ? ` · ${tv.has(e.channel) ? tv(e.channel) : e.channel}` : ""}
                      {e.gpc ? (
                        <>
                          {" "}
                          <Badge tone="info">GPC</Badge>
                        </>
                      ) : null}
                      {e.guardianName ? <div className="muted">{t("guardian", { name: e.guardianName })}</div> : null}
                    </td>
                    <td>{t.has(`sources.${e.source}`) ? t(`sources.${e.source}`) : e.source}</td>
                    <td style={{ whiteSpace: "nowrap" }}>{t("version", { version: e.noticeVersion })}</td>
                    <td>
                      <a href={`/preferences/receipts/${e.id}`} download style={{ whiteSpace: "nowrap" }}>
                        {t("download")} <span translate="no">JSON</span>
                        <span className="visually-hidden"> {t("receiptFor", { title, date: when })}</span>
                      </a>
                      <br />
                      <a href={`/preferences/receipts/${e.id}?format=jws`} download style={{ whiteSpace: "nowrap" }}>
                        {tr("signed")}
                        <span className="visually-hidden"> {tr("signedFor", { title, date: when })}</span>
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      {events.length > 0 ? (
        <p className="muted" style={{ margin: 0 }}>
          {tr("verifyNote")} <a href="/receipts/verify">{tr("verifyLink")}</a>
        </p>
      ) : null}
      {events.length >= HISTORY_LIMIT ? <p className="muted">{t("limited", { count: HISTORY_LIMIT })}</p> : null}
    </section>
  );
}
