"use client";
import { useTranslations } from "next-intl";
import type { BulkResult } from "@/lib/requests/bulk";
import { RequestRef } from "./request-ref";

/** What a bulk action did: the requests changed, then each one refused with why, each reference a link to its page. */
export function BulkOutcome({ result }: { result: BulkResult }) {
  const t = useTranslations("bulk");
  const detail = useTranslations("requestDetail");
  const why = (code = "invalid") => (detail.has(`errors.${code}`) ? detail(`errors.${code}`) : detail("errors.invalid"));
  return (
    <div className="stack" style={{ gap: "0.5rem" }} aria-live="polite">
      {result.done.length ? (
        <div className="alert ok">
          <p style={{ margin: 0 }}>{t(`done.${result.action}`, { count: result.done.length })}</p>
          <ul aria-label={t("doneList")} className="row" style={{ listStyle: "none", padding: 0, margin: "0.25rem 0 0", flexWrap: "wrap" }}>
            {result.done.map((d) => (
              <li key={d.id}>
                <RequestRef reference={d.ref} id={d.id} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result.refused.length ? (
        <div className="alert error">
          <p style={{ margin: 0 }}>{t("refused", { count: result.refused.length })}</p>
          <ul aria-label={t("refusedList")} style={{ margin: "0.25rem 0 0", paddingLeft: "1.2rem" }}>
            {result.refused.map((r) => (
              <li key={r.id}>
                <RequestRef reference={r.ref} id={r.id} />: {why(r.reason)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
