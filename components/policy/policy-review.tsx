import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { diffText } from "@/lib/notices/diff";
import { readability, readabilityVerdict } from "@/lib/notices/readability";
import { readingTimeFromCount } from "@/lib/notices/reading-time";
import { findVagueWords } from "@/lib/notices/vague-words";
import { documentText, partText, type PolicyDocument } from "@/lib/policy/document";
import { DiffView } from "@/components/notices/diff-view";
import { readabilityText } from "@/components/notices/readability-text";
import { PolicyPartView } from "./policy-part";

/**
 * What a reviewer reads in one language before publishing: readability and vague words over the whole text (the
 * notices' own measures), each part's changes against the published version, and the draft as visitors see it.
 */
export async function PolicyReview({
  draft,
  published,
  locale,
}: {
  draft: PolicyDocument;
  published: { version: number; document: PolicyDocument } | null;
  locale: Locale;
}) {
  const [t, tn] = await Promise.all([getTranslations("privacyPolicy.admin"), getTranslations("noticeEditor")]);
  const text = documentText(draft, locale);
  const r = readability(text, locale);
  const readable = readabilityText(readabilityVerdict(r), tn);
  const minutes = readingTimeFromCount(r.words, locale).minutes;
  const vague = new Map<string, number>();
  for (const m of findVagueWords(text, locale)) vague.set(m.word, (vague.get(m.word) ?? 0) + 1);
  const total = [...vague.values()].reduce((a, b) => a + b, 0);
  return (
    <div className="stack" lang={locale}>
      <section className="card stack" aria-labelledby="policy-figures" style={{ gap: "0.4rem" }}>
        <h3 id="policy-figures" style={{ margin: 0 }}>
          {t("figuresHeading")}
        </h3>
        <p style={{ margin: 0 }}>
          {readable.text}
          {readable.band ? ` ${readable.band}` : ""} · {t("readingTime", { minutes })}
        </p>
        <h3 style={{ margin: 0 }}>{t("vagueHeading")}</h3>
        {total === 0 ? (
          <p style={{ margin: 0 }}>{t("vagueNone")}</p>
        ) : (
          <p style={{ margin: 0 }}>
            {t("vagueCount", { count: total })}:{" "}
            {[...vague.entries()].map(([word, n], i) => (
              <span key={word}>
                {i ? ", " : ""}
                <mark>{word}</mark> ×{n}
              </span>
            ))}
          </p>
        )}
      </section>
      {published ? (
        <section className="card stack" aria-labelledby="policy-diff">
          <h3 id="policy-diff" style={{ margin: 0 }}>
            {t("diffHeading", { version: published.version })}
          </h3>
          {draft.parts[locale].map((part) => {
            const before = published.document.parts[locale]?.find((p) => p.jurisdiction === part.jurisdiction);
            const d = diffText(before ? partText(before) : "", partText(part), locale);
            return (
              <section key={part.jurisdiction} className="stack" style={{ gap: "0.3rem" }} aria-label={part.title}>
                <h4 style={{ margin: 0 }}>{part.title}</h4>
                {d.added + d.removed === 0 ? (
                  <p className="muted" style={{ margin: 0 }}>
                    {t("noChanges")}
                  </p>
                ) : (
                  <>
                    <p className="muted" style={{ margin: 0 }}>
                      {t("diffSummary", { added: d.added, removed: d.removed, unit: t(`units.${d.unit}`) })}
                    </p>
                    <div className="policy-diff" style={{ overflowWrap: "anywhere" }}>
                      <DiffView parts={d.parts} />
                    </div>
                  </>
                )}
              </section>
            );
          })}
        </section>
      ) : (
        <p className="alert ok">{t("firstVersion")}</p>
      )}
      <details className="card">
        <summary>{t("previewHeading")}</summary>
        <div className="stack">
          {draft.parts[locale].map((part) => (
            <PolicyPartView key={part.jurisdiction} part={part} headingLevel={3} idPrefix={`preview-${locale}`} />
          ))}
        </div>
      </details>
    </div>
  );
}
