import type { ReactNode } from "react";

/**
 * A horizontally scrollable table region that keyboard users can reach and screen readers can name. On a narrow
 * screen the table scrolls inside it with its first column kept in view; `stacked` instead sets each row out as a
 * block of labelled values (globals.css), for records read one at a time rather than compared down a column.
 */
export function TableWrap({ label, children, stacked = false }: { label: string; children: ReactNode; stacked?: boolean }) {
  return (
    <div className={stacked ? "table-wrap stacked" : "table-wrap"} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
