import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/server/session";
import { staffSearch } from "@/lib/server/search";
import { isSearchable, searchKinds, staffSearchSchema } from "@/lib/search/query";
import { searchHref } from "@/lib/search/results";
import { PageHeader } from "@/components/ui/page-header";
import styles from "./search.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("search"))("title") };
}

/**
 * Every result of the staff search for one query, grouped by kind: where the search box's Enter leads when no
 * result was chosen, and what works without JavaScript. Only the kinds the role may see are searched.
 */
export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission("purpose:read", "/admin/search");
  const raw = await searchParams;
  const parsed = staffSearchSchema.safeParse({ q: typeof raw.q === "string" ? raw.q : "" });
  const q = parsed.success ? parsed.data.q : "";
  const [t, tr, tv] = await Promise.all([getTranslations("search"), getTranslations("requests"), getTranslations("vocabulary")]);
  const results = await staffSearch({ q }, "/admin/search");
  const kinds = searchKinds.filter((k) => results[k]);
  const count = kinds.reduce((n, k) => n + (results[k]?.length ?? 0), 0);
  return (
    <div className="stack">
      <PageHeader title={q ? t("resultsFor", { q }) : t("title")} description={!q ? t("intro") : undefined} />
      {q && !isSearchable(q) ? <p>{t("tooShort")}</p> : null}
      {isSearchable(q) && count === 0 ? <p>{t("nothing", { q })}</p> : null}
      {!results.people ? <p className="muted">{t("purposesOnly")}</p> : null}
      {isSearchable(q)
        ? kinds.map((kind) => (
            <section key={kind} className="card" aria-labelledby={`search-${kind}`}>
              <h2 id={`search-${kind}`}>{t(`kinds.${kind}`)}</h2>
              {results[kind]?.length ? (
                <ul className={styles.results}>
                  {kind === "requests" &&
                    results.requests?.map((r) => (
                      <li key={r.id}>
                        <Link href={searchHref(kind, r)} className="mono">
                          {r.ref}
                        </Link>{" "}
                        <span className="muted">
                          {tr(`types.${r.type}`)} · {tr(`statuses.${r.status}`)}
                        </span>
                      </li>
                    ))}
                  {kind === "people" &&
                    results.people?.map((p) => (
                      <li key={p.uid}>
                        <Link href={searchHref(kind, p)}>{p.name ?? p.email ?? p.externalId ?? p.uid}</Link>{" "}
                        <span className="muted">{[p.name ? p.email : null, p.externalId].filter(Boolean).join(" · ") || t("noName")}</span>
                      </li>
                    ))}
                  {kind === "purposes" &&
                    results.purposes?.map((p) => (
                      <li key={p.id}>
                        <Link href={searchHref(kind, p)}>{p.title}</Link>{" "}
                        <span className="muted">
                          <span className="mono">{p.key}</span> · {tv(`status.${p.status}`)}
                        </span>
                      </li>
                    ))}
                </ul>
              ) : (
                <p className="muted">{t("groupEmpty")}</p>
              )}
            </section>
          ))
        : null}
    </div>
  );
}
