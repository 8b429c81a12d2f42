import type { ReactNode } from "react";

/**
 * A cell of a `stacked` table (TableWrap): on a phone, where the header row is hidden, it shows its column's name
 * beside the value. Screen readers hear the name from the table itself, so they skip this copy.
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
  return rowHeader ? (
    <th scope="row" className={className}>
      {content}
    </th>
  ) : (
    <td className={className}>{content}</td>
  );
}
