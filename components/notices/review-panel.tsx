import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { analyzeNotice } from "@/lib/notices/analyze";
import { diffNotice } from "@/lib/notices/diff";
import type { ShortLayer } from "@/lib/notices/required-elements";
import { readabilityVerdict } from "@/lib/notices/readability";
import { NoticeDiff } from "./notice-diff";
import { readabilityText } from "./readability-text";
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
  const readable = readabilityText(readabilityVerdict(analysis.readability.fullText), t);
  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="review-facts" style={{ gap: "0.4rem" }}>
        <h2 id="review-facts">{t("reviewFacts")}</h2>
        {version.version > 1 ? (
          <p style={{ margin: 0 }}>
            {version.material ? <strong>{t("isMaterial")}</strong> : t("notMaterial")}
            {version.changeSummary ? ` — ${version.changeSummary}` : ""}
          </p>
        ) : null}
        <p style={{ margin: 0 }}>
          {analysis.missing.length ? t("missingCount", { count: analysis.missing.length }) : t("allPresent")} · {readable.text}
          {readable.band ? ` ${readable.band}` : ""} · {t("readingFull", { minutes: analysis.readingTime.fullText.minutes })} ·{" "}
          {t("vagueCount", { count: analysis.vague.total })}
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
      ) : version.version === 1 ? (
        <p className="alert ok">{t("firstVersion")}</p>
      ) : null}
      <section className="card" aria-labelledby="review-text" lang={locale}>
        <h2 id="review-text">{version.title}</h2>
        <ShortLayerList layer={version.shortLayer} />
        <Paragraphs text={version.fullText} />
      </section>
    </div>
  );
}
