import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/config";
import { visitorJurisdiction } from "@/lib/policy/visitor";
import { getDateFormatter } from "@/lib/server/format";
import { getBrandSettings } from "@/db/staff";
import { getPublishedPolicy } from "@/db/policy";
import { PolicyPartView } from "@/components/policy/policy-part";
import { EmptyState } from "@/components/ui/empty-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacyPolicy.public"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The published privacy policy, in the visitor's language, showing the part for where they live (chosen, or
 * guessed from their browser). Frozen at publication: what is shown is what was reviewed.
 */
export default async function PrivacyPolicyPage({ searchParams }: { searchParams: SearchParams }) {
  const [t, format, rawLocale, q, brand, policy, h] = await Promise.all([
    getTranslations("privacyPolicy.public"),
    getDateFormatter(),
    getLocale(),
    searchParams,
    getBrandSettings(),
    getPublishedPolicy(),
    headers(),
  ]);
  const locale = isLocale(rawLocale) ? rawLocale : "en";
  if (!policy) {
    return (
      <article className="stack">
        <h1>{t("title")}</h1>
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
        <p>
          <Link href="/notices">{t("noticesLink")}</Link>
        </p>
      </article>
    );
  }
  const parts = policy.document.parts[locale];
  const available = parts.map((p) => p.jurisdiction);
  const chosen = visitorJurisdiction(available, typeof q.j === "string" ? q.j : undefined, locale, h.get("accept-language"));
  const part = parts.find((p) => p.jurisdiction === chosen) ?? parts[0];
  return (
    <article className="stack">
      <header className="stack" style={{ gap: "0.5rem" }}>
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro", { brand: brand?.name ?? "" })}</p>
        <p className="muted" style={{ margin: 0 }}>
          {t("versionLine", { version: policy.version, date: format.dateTime(policy.publishedAt!, { dateStyle: "long" }) })}
        </p>
        <form method="get" action="/privacy" className="row" style={{ gap: "0.5rem", alignItems: "flex-end", flexWrap: "wrap" }}>
          <div className="field" style={{ margin: 0 }}>
            <label htmlFor="policy-j">{t("where")}</label>
            <select id="policy-j" name="j" defaultValue={part?.jurisdiction}>
              {parts.map((p) => (
                <option key={p.jurisdiction} value={p.jurisdiction}>
                  {p.title}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button secondary">
            {t("show")}
          </button>
        </form>
        <nav aria-label={t("partsNav")}>
          <ul className="row" style={{ listStyle: "none", padding: 0, margin: 0, gap: "0.75rem", flexWrap: "wrap" }}>
            {parts.map((p) => (
              <li key={p.jurisdiction}>
                <Link href={`/privacy?j=${encodeURIComponent(p.jurisdiction)}`} aria-current={p === part ? "page" : undefined}>
                  {p.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {part ? (
        <div className="card">
          <PolicyPartView part={part} idPrefix="policy" />
        </div>
      ) : null}
      <p>
        <Link href="/notices">{t("noticesLink")}</Link>
      </p>
    </article>
  );
}
