"use client";
import { useTranslations } from "next-intl";
import type { NoticeAnalysis } from "@/lib/notices/analyze";
import { REQUIRED_ELEMENTS } from "@/lib/notices/required-elements";
import { readabilityVerdict } from "@/lib/notices/readability";
import { readabilityText } from "./readability-text";

/** The live checks beside the editor: required elements, readability, reading time, vague words. */
export function NoticeChecks({ analysis }: { analysis: NoticeAnalysis }) {
  const t = useTranslations("noticeEditor");
  const { readability: r, readingTime: rt, missing, vague } = analysis;
  const full = r.fullText;
  const verdict = readabilityVerdict(full);
  const said = readabilityText(verdict, t);
  const vagueWords = [...vague.fullText, ...Object.values(vague.shortLayer).flat()].map((m) => m.word);
  const counts = [...new Set(vagueWords)].map((w) => ({ word: w, n: vagueWords.filter((x) => x === w).length }));
  return (
    <aside className="stack checks" aria-label={t("checksLabel")}>
      <section className="card" aria-labelledby="check-elements">
        <h2 id="check-elements">{t("elementsHeading")}</h2>
        <p className={missing.length ? "alert warn" : "alert ok"} aria-live="polite" data-testid="missing-summary">
          {missing.length ? t("missingCount", { count: missing.length }) : t("allPresent")}
        </p>
        <ul className="checklist">
          {REQUIRED_ELEMENTS.map(({ key }) => (
            <li key={key} data-state={missing.includes(key) ? "missing" : "present"}>
              <span aria-hidden="true">{missing.includes(key) ? "✗" : "✓"}</span> {t(`elements.${key}`)}
              <span className="visually-hidden">{missing.includes(key) ? t("missing") : t("present")}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="card stack" aria-labelledby="check-readability" style={{ gap: "0.5rem" }}>
        <h2 id="check-readability">{t("readabilityHeading")}</h2>
        <div aria-live="polite" data-testid="readability">
          <p style={{ margin: 0 }}>
            {said.text}
            {said.band ? (
              <>
                {" "}
                <strong>{said.band}</strong>
              </>
            ) : null}
          </p>
          {verdict.kind === "empty" ? null : (
            <p style={{ margin: 0 }} className="muted">
              {t("sentences", { count: full.sentences })} ·{" "}
              {t("longSentences", {
                count: full.longSentences.length + r.shortLayer.longSentences.length,
                max: full.longSentenceLimit.max,
                unit: full.longSentenceLimit.unit,
              })}
            </p>
          )}
        </div>
      </section>
      <section className="card stack" aria-labelledby="check-time" style={{ gap: "0.25rem" }}>
        <h2 id="check-time">{t("readingTimeHeading")}</h2>
        <p style={{ margin: 0 }} data-testid="reading-time">
          {t("readingShort", { seconds: rt.shortLayer.seconds })} · {t("readingFull", { minutes: rt.fullText.minutes })}
        </p>
        <p className="muted" style={{ margin: 0 }}>
          {t(`speed.${analysis.locale}`)}
        </p>
      </section>
      <section className="card stack" aria-labelledby="check-vague" style={{ gap: "0.25rem" }}>
        <h2 id="check-vague">{t("vagueHeading")}</h2>
        {counts.length ? (
          <p style={{ margin: 0 }} data-testid="vague-words">
            {t("vagueFound")}{" "}
            {counts.map((c) => (
              <mark key={c.word} className="vague" style={{ marginRight: "0.3rem" }}>
                {c.word}
                {c.n > 1 ? ` ×${c.n}` : ""}
              </mark>
            ))}
          </p>
        ) : (
          <p style={{ margin: 0 }} className="muted">
            {t("vagueNone")}
          </p>
        )}
      </section>
    </aside>
  );
}
