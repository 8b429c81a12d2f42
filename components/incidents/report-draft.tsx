import type { Draft } from "@/lib/incidents/drafts/types";
import { typedRuns } from "@/lib/ropa/typed";

/** A value with the brand's typed text shown as written (translate="no"): it is in the brand's words, not the reader's. */
function Value({ text }: { text: string }) {
  return typedRuns(text).map((run, i) =>
    run.typed ? (
      <span key={i} translate="no">
        {run.text}
      </span>
    ) : (
      run.text
    ),
  );
}

/**
 * An authority draft on the page: its title, the provision, and each section's items, a missing item named as such
 * (or as not yet known where the law lets it follow later).
 */
export function ReportDraft({ draft, words }: { draft: Draft; words: { missing: string; notYetKnown: string } }) {
  return (
    <article className="stack" aria-label={draft.title}>
      <div>
        <p style={{ margin: 0, fontWeight: 600 }}>{draft.title}</p>
        <p className="muted" style={{ margin: 0 }}>
          {draft.law}
        </p>
      </div>
      {draft.sections.map((s) => (
        <section key={s.key} className="stack" aria-label={s.heading}>
          <h4 style={{ margin: 0 }}>{s.heading}</h4>
          <dl className="facts">
            {s.items.map((i) => (
              <div key={i.key}>
                <dt>{i.label}</dt>
                <dd style={{ overflowWrap: "anywhere", whiteSpace: "pre-line" }} className={i.value === null ? "error" : undefined}>
                  {i.value === null ? i.optional ? words.notYetKnown : words.missing : <Value text={i.value} />}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </article>
  );
}
