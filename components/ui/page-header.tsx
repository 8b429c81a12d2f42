import type { ReactNode } from "react";

/** A page's title and description, with its actions kept together on one line beside the title (below it when there is no room). */
export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div className="page-title">
        <h1>{title}</h1>
        {description ? <p>{description}</p> : null}
      </div>
      {actions ? <div className="row page-actions">{actions}</div> : null}
    </header>
  );
}
