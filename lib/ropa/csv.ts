import { toCsv, type CsvColumn } from "../metrics/csv";
import { plain } from "./typed";
import { categoryLabel, destructionOf, holdsFor, peopleOf, recipientLabel, sourcesOf } from "./document";
import type { RopaInput, Words } from "./types";

const R = "recordOfProcessing";

type Row = {
  purposeKey: string;
  purpose: string;
  legalBasis: string;
  description: string;
  people: string;
  category: string;
  sources: string;
  recipients: string;
  transfers: string;
  retention: string;
  keptByLaw: string;
  destruction: string;
  controller: string;
  dpo: string;
  security: string;
};

const keys: (keyof Row)[] = [
  "purposeKey",
  "purpose",
  "legalBasis",
  "description",
  "people",
  "category",
  "sources",
  "recipients",
  "transfers",
  "retention",
  "keptByLaw",
  "destruction",
  "controller",
  "dpo",
  "security",
];

/** The record's rows: one per purpose and data category, each carrying everything Art. 30(1) says of that pair. */
export function ropaRows(map: RopaInput, w: Words): Row[] {
  const controller = map.brand ? `${map.brand.legalName}, ${map.brand.address}, ${map.brand.contactEmail}` : "";
  const dpo = [map.privacy.dpoName, map.brand?.dpoEmail].filter(Boolean).join(", ");
  const security = [
    ...map.privacy.securityMeasures.map((m) => w(`dataMapFields.security.${m}`)),
    ...(map.privacy.securityNote ? [map.privacy.securityNote] : []),
  ].join("; ");
  return map.purposes.flatMap((p) =>
    p.dataCategories.map((c) => ({
      purposeKey: p.key,
      purpose: p.name,
      legalBasis: w(`vocabulary.basis.${p.legalBasis}`),
      description: p.description,
      people: peopleOf(w, p),
      category: categoryLabel(w, c),
      sources: sourcesOf(w, p),
      recipients: p.recipients.map((r) => recipientLabel(w, r)).join("; "),
      transfers: p.recipients
        .filter((r) => r.transferredFrom.length)
        .map(
          (r) =>
            `${r.name} (${r.country}): ${r.transfer.safeguard ? w(`dataMapFields.safeguard.${r.transfer.safeguard}`) : w(`${R}.none`)}`,
        )
        .join("; "),
      retention: w(`${R}.days`, { days: p.retentionDays }),
      keptByLaw: holdsFor(w, p, c),
      destruction: destructionOf(w, p),
      controller,
      dpo,
      security,
    })),
  );
}

/** The record as CSV: a byte-order mark (so spreadsheets read UTF-8 Korean and Japanese), headers in the reader's language, formula cells defused. */
export function ropaCsv(map: RopaInput, w: Words): string {
  const columns: CsvColumn<Row>[] = keys.map((key) => ({ key, label: w(`${R}.csv.${key}`) }));
  const rows = ropaRows(map, w).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])) as Row);
  return `\uFEFF${toCsv(columns, rows)}`;
}

/** A file name for the export, with the day it was made. */
export function ropaFileName(day: string, ext: "csv" | "pdf"): string {
  return `record-of-processing_${day.replace(/[^0-9-]/g, "")}.${ext}`;
}
