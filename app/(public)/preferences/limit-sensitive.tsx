import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { mayLimit } from "@/lib/requests/limit";
import { isOpen } from "@/lib/requests/vocabulary";
import { getSensitiveLimit, type Subject } from "@/db/consent";
import { listSubjectRequests } from "@/db/subjects";

/**
 * "Limit the Use of My Sensitive Personal Information" (CCPA §7027(b)), shown to California people: what a limit
 * stops (the purposes flagged beyond §7027(m), by their notice titles), and either the link to make the request
 * or, once it stands, since when and what is stopped.
 */
export async function LimitSensitive({ subject, flagged }: { subject: Subject; flagged: { key: string; title: string }[] }) {
  if (!mayLimit(subject.jurisdiction)) return null;
  const [t, format, limit, requests] = await Promise.all([
    getTranslations("preferences.limit"),
    getFormatter(),
    getSensitiveLimit(subject.id),
    listSubjectRequests(subject.id),
  ]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const pending = limit ? undefined : requests.find((r) => r.type === "limit_sensitive" && isOpen(r.status));
  const list = (
    <ul style={{ margin: 0 }}>
      {flagged.map((p) => (
        <li key={p.key}>{p.title}</li>
      ))}
    </ul>
  );
  return (
    <section className="card stack" aria-labelledby="limit-sensitive">
      <h2 id="limit-sensitive">{t("title")}</h2>
      {limit ? (
        <div className="alert ok stack" role="status" style={{ gap: "0.4rem" }}>
          <p style={{ margin: 0 }}>
            {flagged.length ? t("limited", { date: day(limit.limitedAt) }) : t("limitedNone", { date: day(limit.limitedAt) })}
          </p>
          {flagged.length ? list : null}
        </div>
      ) : (
        <>
          <p style={{ margin: 0 }}>{t("body")}</p>
          {flagged.length ? (
            <div className="stack" style={{ gap: "0.25rem" }}>
              <p style={{ margin: 0 }}>{t("uses")}</p>
              {list}
            </div>
          ) : (
            <p className="muted" style={{ margin: 0 }}>
              {t("noUses")}
            </p>
          )}
          {pending ? (
            <p className="muted" role="status" style={{ margin: 0 }}>
              {t("pending", { ref: pending.ref, date: day(pending.dueAt) })}
            </p>
          ) : (
            <p style={{ margin: 0 }}>
              <Link href="/preferences/requests?type=limit_sensitive" className="button secondary">
                {t("ask")}
              </Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}
