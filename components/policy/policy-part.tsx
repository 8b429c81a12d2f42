import type { Line, PolicyPart } from "@/lib/policy/document";

/** One run of a line: Candor's words as text, what the brand typed marked as stored (in its own language), links as links. */
function LineView({ line }: { line: Line }) {
  return (
    <>
      {line.map((run, i) =>
        typeof run === "string" ? (
          <span key={i}>{run}</span>
        ) : "stored" in run ? (
          <span key={i} lang={run.lang} translate="no">
            {run.stored}
          </span>
        ) : (
          <a key={i} href={run.href}>
            {run.label}
          </a>
        ),
      )}
    </>
  );
}

/** A jurisdiction's part of the policy, a section per checklist item; `idPrefix` keeps headings' ids unique on a page. */
export function PolicyPartView({ part, headingLevel = 2, idPrefix }: { part: PolicyPart; headingLevel?: 2 | 3; idPrefix: string }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const S = headingLevel === 2 ? "h3" : "h4";
  const titleId = `${idPrefix}-${part.jurisdiction}`;
  return (
    <section className="stack policy-part" aria-labelledby={titleId}>
      <H id={titleId}>{part.title}</H>
      {part.sections.map((s, n) => (
        <section key={s.item} aria-labelledby={`${titleId}-${s.item}`} className="stack" style={{ gap: "0.4rem" }}>
          <S id={`${titleId}-${s.item}`} style={{ margin: 0 }}>
            {n + 1}. {s.heading}
          </S>
          {s.blocks.map((b, i) =>
            "p" in b ? (
              <p key={i} style={{ margin: 0, overflowWrap: "anywhere" }}>
                <LineView line={b.p} />
              </p>
            ) : (
              <ul key={i} style={{ margin: 0, overflowWrap: "anywhere" }}>
                {b.ul.map((l, j) => (
                  <li key={j}>
                    <LineView line={l} />
                  </li>
                ))}
              </ul>
            ),
          )}
        </section>
      ))}
    </section>
  );
}
