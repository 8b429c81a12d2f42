import type { RopaDocument } from "@/lib/ropa/document";
import { typedRuns } from "@/lib/ropa/typed";
import { TableWrap } from "@/components/ui/table-wrap";
import { StackedCell, stackedRoles } from "@/components/ui/stacked-cell";

/** A value with the brand's typed text shown as written (it is in the brand's words, not the reader's language). */
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

/** The record of processing on a page: its seven Art. 30(1) sections, tables stacked on a phone. */
export function RopaView({ doc, headingLevel = 2 }: { doc: RopaDocument; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="stack ropa">
      {doc.sections.map((section) => (
        <section key={section.item} className="card stack" aria-labelledby={`ropa-${section.item}`}>
          <H id={`ropa-${section.item}`}>{section.heading}</H>
          {section.blocks.map((block, i) =>
            block.kind === "facts" ? (
              <dl key={i} className="facts">
                {block.rows.map((r) => (
                  <div key={r.label}>
                    <dt>{r.label}</dt>
                    <dd style={{ overflowWrap: "anywhere" }}>
                      <Value text={r.value} />
                    </dd>
                  </div>
                ))}
              </dl>
            ) : block.kind === "list" ? (
              <ul key={i} style={{ margin: 0, paddingLeft: "1.1rem" }}>
                {block.items.map((item) => (
                  <li key={item}>
                    <Value text={item} />
                  </li>
                ))}
              </ul>
            ) : (
              <TableWrap key={i} label={block.caption} stacked>
                <table {...stackedRoles.table}>
                  <caption className="visually-hidden">{block.caption}</caption>
                  <thead {...stackedRoles.rowgroup}>
                    <tr {...stackedRoles.row}>
                      {block.columns.map((c) => (
                        <th key={c} scope="col" {...stackedRoles.columnheader}>
                          {c}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody {...stackedRoles.rowgroup}>
                    {block.rows.map((row, r) => (
                      <tr key={r} {...stackedRoles.row}>
                        {row.map((cell, c) => (
                          <StackedCell key={c} label={block.columns[c]} rowHeader={c === 0}>
                            <Value text={cell} />
                          </StackedCell>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            ),
          )}
        </section>
      ))}
    </div>
  );
}
