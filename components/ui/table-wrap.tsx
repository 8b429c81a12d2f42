import type { ReactNode } from "react";

/** A horizontally scrollable table region that keyboard users can reach and screen readers can name. */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
