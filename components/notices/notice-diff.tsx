import type { NoticeDiffRow } from "@/lib/notices/diff";
import { DiffView } from "./diff-view";

/** A notice's changes against the published version, one labelled row per changed field. */
export function NoticeDiff({
  id,
  heading,
  summary,
  locale,
  rows,
  label,
}: {
  id: string;
  heading: string;
  summary: string;
  locale: string;
  rows: NoticeDiffRow[];
  label: (field: NoticeDiffRow["field"]) => string;
}) {
  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <p className="muted" style={{ margin: 0 }} data-testid="diff-summary">
        {summary}
      </p>
      <dl className="facts" lang={locale}>
        {rows.map((row) => (
          <div key={row.field}>
            <dt>{label(row.field)}</dt>
            <dd>
              <DiffView parts={row.parts} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
