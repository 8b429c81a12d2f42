import { useFormatter, useTranslations } from "next-intl";
import { denialReasons } from "@/lib/requests/vocabulary";
import type { FigureRow, KindRow, ReportFigures, RegimeRow } from "@/lib/transparency/figures";
import type { ReportScope } from "@/lib/transparency/kinds";
import { DataTable, type DataColumn } from "@/components/ui/data-table";

type Formatter = ReturnType<typeof useFormatter>;
type T = ReturnType<typeof useTranslations<"transparency">>;

type FigureKey = Exclude<keyof FigureRow, "byReason">;

function figureColumns<R extends FigureRow>(t: T, format: Formatter, keys: readonly FigureKey[]): DataColumn<R>[] {
  const none = t("none");
  const value = (v: number | null, key: FigureKey) => {
    if (v === null) return none;
    if (key === "onTimeRate") return format.number(v / 100, { style: "percent", maximumFractionDigits: 1 });
    return format.number(v, { maximumFractionDigits: 1 });
  };
  return keys.map((key): DataColumn<R> => ({ key, header: t(`columns.${key}`), cell: (row) => value(row[key], key), className: "num" }));
}

function reasonColumns<R extends FigureRow>(t: T, format: Formatter): DataColumn<R>[] {
  return denialReasons.map((reason): DataColumn<R> => ({
    key: reason,
    header: t(`reasonColumns.${reason}`),
    cell: (row) => format.number(row.byReason[reason]),
    className: "num",
  }));
}

const kindKeys = ["received", "complied", "compliedInPart", "denied", "openAtYearEnd", "medianDays", "meanDays"] as const;
const regimeKeys = ["received", "complied", "compliedInPart", "denied", "openAtYearEnd", "medianDays", "meanDays", "onTimeRate"] as const;

/** A set of rows as two tables: the outcomes and days, then the denials and withheld parts by reason. */
function FigureTables<R extends FigureRow>({
  label,
  reasonsLabel,
  first,
  keys,
  rows,
  rowKey,
}: {
  label: string;
  reasonsLabel: string;
  first: DataColumn<R>;
  keys: readonly FigureKey[];
  rows: R[];
  rowKey: (row: R) => string;
}) {
  const t = useTranslations("transparency");
  const format = useFormatter();
  const empty = { title: t("none") };
  return (
    <>
      <p style={{ margin: 0, fontWeight: 600 }}>{label}</p>
      <DataTable label={label} columns={[first, ...figureColumns<R>(t, format, keys)]} rows={rows} rowKey={rowKey} empty={empty} stacked />
      <p style={{ margin: 0, fontWeight: 600 }}>{t("reasonsHeading")}</p>
      <DataTable label={reasonsLabel} columns={[first, ...reasonColumns<R>(t, format)]} rows={rows} rowKey={rowKey} empty={empty} stacked />
    </>
  );
}

/** The §7102 tables for one scope: a row per kind of request. */
export function KindTable({ figures, scope }: { figures: ReportFigures; scope: ReportScope }) {
  const t = useTranslations("transparency");
  const format = useFormatter();
  const rows = scope === "california" ? figures.california : figures.all;
  const optOut = rows.find((r) => r.kind === "opt_out");
  return (
    <div className="stack" style={{ gap: "0.5rem" }}>
      <FigureTables<KindRow>
        label={t(`tables.${scope}`, { year: figures.year })}
        reasonsLabel={t(`reasonTables.${scope}`, { year: figures.year })}
        first={{ key: "kind", header: t("columns.kind"), cell: (r) => t(`kinds.${r.kind}`) }}
        keys={kindKeys}
        rows={rows}
        rowKey={(r) => r.kind}
      />
      {optOut && optOut.viaChoices > 0 ? (
        <p className="muted" style={{ margin: 0 }}>
          {t("viaChoices", { count: format.number(optOut.viaChoices) })}
        </p>
      ) : null}
    </div>
  );
}

/** The same figures per regime (GDPR, PIPA, APPI), with the on-time rate. */
export function RegimeTable({ figures }: { figures: ReportFigures }) {
  const t = useTranslations("transparency");
  return (
    <div className="stack" style={{ gap: "0.5rem" }}>
      <FigureTables<RegimeRow>
        label={t("tables.regimes", { year: figures.year })}
        reasonsLabel={t("reasonTables.regimes", { year: figures.year })}
        first={{ key: "regime", header: t("columns.regime"), cell: (r) => t(`regimes.${r.regime}`) }}
        keys={regimeKeys}
        rows={figures.regimes}
        rowKey={(r) => r.regime}
      />
    </div>
  );
}

/** How to read the figures: the year's boundary, the days, open requests, in-part, opt-outs and the on-time rate. */
export function ReportNotes({ figures }: { figures: ReportFigures }) {
  const t = useTranslations("transparency");
  return (
    <section className="stack" style={{ gap: "0.5rem" }} aria-labelledby={`notes-${figures.year}`}>
      <h3 id={`notes-${figures.year}`}>{t("notesHeading", { year: figures.year })}</h3>
      <ul className="stack" style={{ gap: "0.25rem", margin: 0 }}>
        <li>{t("notes.year", { zone: figures.timeZone })}</li>
        <li>{t("notes.days")}</li>
        <li>{t("notes.open")}</li>
        <li>{t("notes.inPart")}</li>
        <li>{t(figures.optOutCounting === "per_person" ? "notes.optOuts" : "notes.optOutsPerPurpose")}</li>
        <li>{t("notes.rate")}</li>
      </ul>
    </section>
  );
}

/** A year's whole report: the main scope's table, California's when the main one covers everyone, the regimes, the notes. */
export function ReportBody({ figures, scope, headingLevel = 3 }: { figures: ReportFigures; scope: ReportScope; headingLevel?: 2 | 3 }) {
  const t = useTranslations("transparency");
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="stack">
      <p style={{ margin: 0 }}>{t(`scopeStatement.${scope}`)}</p>
      <KindTable figures={figures} scope={scope} />
      {scope === "all" ? <KindTable figures={figures} scope="california" /> : null}
      <H>{t("regimesHeading")}</H>
      <p className="muted" style={{ margin: 0 }}>
        {t("regimesIntro")}
      </p>
      <RegimeTable figures={figures} />
      <ReportNotes figures={figures} />
    </div>
  );
}
