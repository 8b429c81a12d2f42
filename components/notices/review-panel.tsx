import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { analyzeNotice } from "@/lib/notices/analyze";
import { diffNotice } from "@/lib/notices/diff";
import type { ShortLayer } from "@/lib/notices/required-elements";
import { NoticeDiff } from "./notice-diff";
import { Paragraphs, ShortLayerList } from "./short-layer";

type Version = {
  version: number;
  title: string;
  shortLayer: ShortLayer;
  fullText: string;
  material: boolean;
  changeSummary: string | null;
};

/** What a reviewer needs before publishing: the checks, and exactly what changes against the published version. */
export async function ReviewPanel({ locale, version, published }: { locale: Locale; version: Version; published: Version | null }) {
  const t = await getTranslations("noticeEditor");
  const analysis = analyzeNotice({ locale, shortLayer: version.shortLayer, fullText: version.fullText });
  const diff = published ? diffNotice(published, version, locale) : null;
  const flesch = analysis.readability.fullText.flesch;
  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="review-facts" style={{ gap: "0.4rem" }}>
        <h2 id="review-facts">{t("reviewFacts")}</h2>
        <p style={{ margin: 0 }}>
          {version.material ? <strong>{t("isMaterial")}</strong> : t("notMaterial")}
          {version.changeSummary ? ` — ${version.changeSummary}` : ""}
        </p>
        <p style={{ margin: 0 }}>
          {analysis.missing.length ? t("missingCount", { count: analysis.missing.length }) : t("allPresent")} ·{" "}
          {flesch
            ? t("flesch", { ease: flesch.ease.toFixed(1), grade: flesch.grade.toFixed(1) })
            : t("charsPerSentence", {
                avg: Math.round(analysis.readability.fullText.charsPerSentence.avg),
                max: analysis.readability.fullText.charsPerSentence.max,
              })}{" "}
          · {t("readingFull", { minutes: analysis.readingTime.fullText.minutes })} · {t("vagueCount", { count: analysis.vague.total })}
        </p>
      </section>
      {published && diff ? (
        <NoticeDiff
          id="review-diff"
          heading={t("diffHeading", { version: published.version })}
          summary={t("diffSummary", { added: diff.added, removed: diff.removed, unit: diff.unit })}
          locale={locale}
          rows={diff.rows}
          label={(field) => (field === "title" || field === "fullText" ? t(field) : t(`fields.${field}`))}
        />
      ) : (
        <p className="alert ok">{t("firstVersion")}</p>
      )}
      <section className="card" aria-labelledby="review-text" lang={locale}>
        <h2 id="review-text">{version.title}</h2>
        <ShortLayerList layer={version.shortLayer} />
        <Paragraphs text={version.fullText} />
      </section>
    </div>
  );
}
