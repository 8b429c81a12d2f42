import type { ReactNode } from "react";

/**
 * A cell of a `stacked` table (TableWrap): on a phone, where the header row is hidden, it shows its column's name
 * beside the value. Screen readers hear the name from the table itself, so they skip this copy. Use it with
 * `stackedRoles` on the table's other elements.
 */
export function StackedCell({
  label,
  children,
  rowHeader = false,
  className,
}: {
  label: ReactNode;
  children: ReactNode;
  /** The cell that names its row (<th scope="row">). */
  rowHeader?: boolean;
  className?: string;
}) {
  const content = (
    <>
      <span className="cell-label" aria-hidden="true">
        {label}
      </span>
      <div className="cell-value">{children}</div>
    </>
  );
  // Explicit roles: a stacked table's rows are laid out as blocks, and Safari then drops the table's semantics.
  return rowHeader ? (
    <th scope="row" role="rowheader" className={className}>
      {content}
    </th>
  ) : (
    <td role="cell" className={className}>
      {content}
    </td>
  );
}

/**
 * The ARIA roles a stacked table's elements state explicitly: laid out as blocks on a phone (display: block), a
 * table loses its native semantics in Safari and VoiceOver reads the values without their column names.
 */
export const stackedRoles = {
  table: { role: "table" },
  rowgroup: { role: "rowgroup" },
  row: { role: "row" },
  columnheader: { role: "columnheader" },
} as const;
