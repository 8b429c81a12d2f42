import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { purposeKeySchema } from "@/lib/purposes/schemas";
import { listPublishedNotices } from "@/db/notices";
import { Paragraphs, ShortLayerList } from "@/components/notices/short-layer";

async function load(params: Promise<{ purpose: string }>) {
  const key = purposeKeySchema.safeParse((await params).purpose);
  const [notice] = key.success ? await listPublishedNotices(await getLocale(), key.data) : [];
  if (!notice) notFound();
  return notice;
}

export async function generateMetadata({ params }: { params: Promise<{ purpose: string }> }): Promise<Metadata> {
  return { title: (await load(params)).version.title };
}

/** One purpose's notice: the short layer first, then the full text, with its version and date. */
export default async function PurposeNoticePage({ params }: { params: Promise<{ purpose: string }> }) {
  const { purpose, version, locale: shown } = await load(params);
  const [t, tv, format, locale] = await Promise.all([
    getTranslations("publicNotice"),
    getTranslations("vocabulary"),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <article className="stack">
      <nav aria-label={t("breadcrumb")}>
        <Link href="/notices">← {t("title")}</Link>
      </nav>
      <header className="stack" style={{ gap: "0.25rem" }} lang={shown}>
        <h1>{version.title}</h1>
        <p className="muted" lang={locale}>
          {t("versionLine", {
            version: version.version,
            date: format.dateTime(version.publishedAt ?? version.createdAt, { dateStyle: "long" }),
          })}
          {" · "}
          {tv(`basis.${purpose.legalBasis}`)}
        </p>
      </header>
      {shown !== locale ? <p className="alert warn">{t("fallback")}</p> : null}
      <section className="card" aria-labelledby="summary" lang={shown}>
        <h2 id="summary" lang={locale}>
          {t("summary")}
        </h2>
        <ShortLayerList layer={version.shortLayer} />
      </section>
      <section className="card prose" aria-labelledby="full" lang={shown}>
        <h2 id="full" lang={locale}>
          {t("fullText")}
        </h2>
        <Paragraphs text={version.fullText} />
      </section>
    </article>
  );
}
