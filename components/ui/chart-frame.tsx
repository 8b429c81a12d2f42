"use client";
import type { ReactNode } from "react";
import { toCsv } from "@/lib/metrics/csv";
import styles from "./chart-frame.module.css";

/** A column: `format` gives its text (the table and the CSV); `cell`, when given, what the table shows instead (a link, a localized date). */
export type FrameColumn<T> = {
  key: keyof T & string;
  label: string;
  numeric?: boolean;
  format?: (row: T) => string;
  cell?: (row: T) => ReactNode;
};

export type FrameLabels = { download: string; table: string; loading: string; empty: string; error: string };

type Props<T> = {
  id: string;
  title: string;
  description?: ReactNode;
  /** One sentence a screen reader hears for the chart; the table below carries the figures. */
  summary: string;
  columns: FrameColumn<T>[];
  rows: T[];
  fileName: string;
  state: "loading" | "error" | "empty" | "ready";
  labels: FrameLabels;
  /** The chart; without one, the table is the content. */
  children?: ReactNode;
  /** A sentence under the chart for what it does not draw (a day still counting), read by everyone. */
  note?: ReactNode;
};

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/**
 * A chart in a card, with the same rows as a table (for screen readers and
 * anyone who prefers numbers) and as a CSV download; says so when it is
 * loading, failed or has nothing to show.
 */
export function ChartFrame<T>({ id, title, description, summary, columns, rows, fileName, state, labels, children, note }: Props<T>) {
  const headingId = `${id}-title`;
  const noteLine = note ? <p className={`chart-note ${styles.note}`}>{note}</p> : null;
  return (
    <section className="card chart-frame" aria-labelledby={headingId} data-chart={id} aria-busy={state === "loading"}>
      <header className="chart-head">
        <div>
          <h2 id={headingId}>{title}</h2>
          {description ? <p className="muted">{description}</p> : null}
        </div>
        <button
          type="button"
          className="button secondary small"
          disabled={state !== "ready"}
          onClick={() => download(fileName, toCsv(columns, rows))}
        >
          {labels.download}
        </button>
      </header>
      {state === "loading" ? (
        <div className="chart-placeholder" role="status">
          {labels.loading}
        </div>
      ) : state === "error" ? (
        <div className="chart-placeholder" role="alert">
          {labels.error}
        </div>
      ) : state === "empty" ? (
        <div className="chart-placeholder">{labels.empty}</div>
      ) : children ? (
        <>
          <div className="chart-body" role="img" aria-label={summary}>
            {children}
          </div>
          {noteLine}
          <details className="chart-table">
            <summary>{labels.table}</summary>
            <FrameTable title={title} columns={columns} rows={rows} />
          </details>
        </>
      ) : (
        <>
          {noteLine}
          <FrameTable title={title} columns={columns} rows={rows} />
        </>
      )}
    </section>
  );
}

function FrameTable<T>({ title, columns, rows }: { title: string; columns: FrameColumn<T>[]; rows: T[] }) {
  // A named group, not a region: the frame's section is already the region of this name, and two landmarks of one
  // name (axe landmark-unique) leave a screen reader's landmark list with a duplicate.
  return (
    <div className="table-wrap" role="group" aria-label={title} tabIndex={0}>
      <table>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? "num" : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c.key} className={c.numeric ? "num" : undefined}>
                  {c.cell ? c.cell(row) : c.format ? c.format(row) : String(row[c.key] ?? "—")}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
