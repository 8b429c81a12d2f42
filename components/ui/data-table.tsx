import type { Key, ReactNode } from "react";
import { EmptyState } from "./empty-state";
import { StackedCell, stackedRoles } from "./stacked-cell";
import { TableWrap } from "./table-wrap";

export type DataColumn<T> = {
  /** Unique within the table. */
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** For the cells: "num" right-aligns figures, "mono" sets references in a fixed-width face. */
  className?: string;
};

/**
 * A list as a table: scrollable on its own and named for screen readers (the label is also its caption),
 * one header row, one row per item, and when there is none, an empty state that says so and what to do.
 * On a phone it scrolls in its frame with the first column kept in view, or with `stacked`, each row becomes a
 * block of values each under its column's name (for records read one by one, not compared down a column).
 */
export function DataTable<T>({
  label,
  columns,
  rows,
  rowKey,
  empty,
  stacked = false,
}: {
  label: string;
  columns: DataColumn<T>[];
  rows: T[];
  rowKey: (row: T) => Key;
  empty: { title: string; body?: ReactNode };
  stacked?: boolean;
}) {
  return (
    <TableWrap label={label} stacked={stacked}>
      <table {...(stacked ? stackedRoles.table : {})}>
        <caption className="visually-hidden">{label}</caption>
        <thead {...(stacked ? stackedRoles.rowgroup : {})}>
          <tr {...(stacked ? stackedRoles.row : {})}>
            {columns.map((c) => (
              <th key={c.key} scope="col" {...(stacked ? stackedRoles.columnheader : {})}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody {...(stacked ? stackedRoles.rowgroup : {})}>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...(stacked ? stackedRoles.row : {})}>
              {columns.map((c) =>
                stacked ? (
                  <StackedCell key={c.key} label={c.header} className={c.className}>
                    {c.cell(row)}
                  </StackedCell>
                ) : (
                  <td key={c.key} className={c.className}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <EmptyState title={empty.title}>{empty.body}</EmptyState> : null}
    </TableWrap>
  );
}
