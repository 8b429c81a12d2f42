import type { ArticleItem, RopaInput, RopaPurpose, RopaRecipient, Words } from "./types";
import { typed } from "./typed";

// The record of processing (GDPR Art. 30(1)) as a document: seven sections, (a) to (g), each filled from the data
// map and worded in the reader's language. The printable page and the PDF both render this; neither adds facts.

export type Block =
  | { kind: "facts"; rows: { label: string; value: string }[] }
  | { kind: "table"; caption: string; columns: string[]; rows: string[][] }
  | { kind: "list"; items: string[] };
export type Section = { item: ArticleItem; heading: string; blocks: Block[] };
export type RopaDocument = { title: string; controller: string; sections: Section[] };

const R = "recordOfProcessing";

/** A list of vocabulary words and any free text after them (marked as typed), or the catalog's "none". */
function joined(w: Words, words: string[], note?: string | null): string {
  const all = [...words, ...(note ? [typed(note)] : [])];
  return all.length ? all.join(", ") : w(`${R}.none`);
}

export function recipientLabel(w: Words, r: Pick<RopaRecipient, "name" | "country" | "role">): string {
  return w(`${R}.recipientLabel`, { name: r.name, country: r.country, role: w(`vocabulary.role.${r.role}`) });
}

export const categoryLabel = (w: Words, c: string) => w(`vocabulary.category.${c}`);
const jurisdictionLabel = (w: Words, j: string) => w(`vocabulary.jurisdiction.${j}`);

export function peopleOf(w: Words, p: RopaPurpose): string {
  return joined(
    w,
    p.record.subjectCategories.map((c) => w(`dataMapFields.subjectCategory.${c}`)),
    p.record.subjectCategoriesNote,
  );
}

export function sourcesOf(w: Words, p: RopaPurpose): string {
  return joined(
    w,
    p.record.sources.map((s) => w(`dataMapFields.source.${s}`)),
    p.record.sourcesNote,
  );
}

export function destructionOf(w: Words, p: RopaPurpose): string {
  return joined(
    w,
    p.record.destructionMethod ? [w(`dataMapFields.destruction.${p.record.destructionMethod}`)] : [],
    p.record.destructionNote,
  );
}

/** What law keeps of one category after the purpose ends: each law and its days. */
export function holdsFor(w: Words, p: RopaPurpose, category: string): string {
  const holds = p.record.legalHolds.filter((h) => h.items.includes(category));
  return holds.length
    ? holds
        .map(
          (h) => `${w(`dataMapFields.retentionLaw.${h.law}`)}${h.note ? ` (${typed(h.note)})` : ""}: ${w(`${R}.days`, { days: h.days })}`,
        )
        .join("; ")
    : w(`${R}.noneKept`);
}

export function ropaDocument(map: RopaInput, w: Words): RopaDocument {
  const brand = map.brand;
  const priv = map.privacy;
  const none = w(`${R}.none`);
  const joint = map.recipients.filter((r) => r.role === "joint_controller");
  const abroad = map.purposes.flatMap((p) => p.recipients.filter((r) => r.transferredFrom.length).map((r) => ({ p, r })));
  const byRecipient = new Map<number, { r: RopaRecipient; from: Set<string>; purposes: string[] }>();
  for (const { p, r } of abroad) {
    const e = byRecipient.get(r.id) ?? { r, from: new Set<string>(), purposes: [] };
    r.transferredFrom.forEach((j) => e.from.add(j));
    e.purposes.push(p.name);
    byRecipient.set(r.id, e);
  }
  const t = (key: string, values?: Record<string, string | number>) => w(`${R}.${key}`, values);
  const sections: Section[] = [
    {
      item: "a",
      heading: t("items.a"),
      blocks: [
        {
          kind: "facts",
          rows: [
            { label: t("controller"), value: brand ? `${brand.legalName}, ${brand.address}` : none },
            { label: t("controllerContact"), value: brand?.contactEmail ?? none },
            {
              label: t("jointControllers"),
              value: joint.length
                ? joint.map((r) => `${r.name} (${r.privacyContactEmail ?? r.privacyContactName ?? r.country})`).join("; ")
                : t("noneKept"),
            },
            {
              label: t("representative"),
              value: priv.representativeName
                ? `${priv.representativeName}${priv.representativeContact ? `, ${priv.representativeContact}` : ""}`
                : t("noRepresentative"),
            },
            { label: t("dpo"), value: [priv.dpoName, brand?.dpoEmail].filter(Boolean).join(", ") || none },
          ],
        },
      ],
    },
    {
      item: "b",
      heading: t("items.b"),
      blocks: [
        {
          kind: "table",
          caption: t("items.b"),
          columns: [t("col.purpose"), t("col.legalBasis"), t("col.description")],
          rows: map.purposes.map((p) => [p.name, w(`vocabulary.basis.${p.legalBasis}`), typed(p.description)]),
        },
      ],
    },
    {
      item: "c",
      heading: t("items.c"),
      blocks: [
        {
          kind: "table",
          caption: t("items.c"),
          columns: [t("col.purpose"), t("col.people"), t("col.data"), t("col.sources")],
          rows: map.purposes.map((p) => [
            p.name,
            peopleOf(w, p),
            p.dataCategories.map((c) => categoryLabel(w, c)).join(", "),
            sourcesOf(w, p),
          ]),
        },
      ],
    },
    {
      item: "d",
      heading: t("items.d"),
      blocks: [
        {
          kind: "table",
          caption: t("items.d"),
          columns: [t("col.recipient"), t("col.purposes"), t("col.thirdCountry")],
          rows: map.recipients.map((r) => {
            const e = byRecipient.get(r.id);
            return [
              recipientLabel(w, r),
              map.purposes
                .filter((p) => p.recipients.some((x) => x.id === r.id))
                .map((p) => p.name)
                .join(", "),
              e ? t("thirdCountryFrom", { places: [...e.from].map((j) => jurisdictionLabel(w, j)).join(", ") }) : t("no"),
            ];
          }),
        },
      ],
    },
    {
      item: "e",
      heading: t("items.e"),
      blocks: byRecipient.size
        ? [
            {
              kind: "table",
              caption: t("items.e"),
              columns: [t("col.recipient"), t("col.from"), t("col.safeguard"), t("col.items"), t("col.whenHow"), t("col.refusal")],
              rows: [...byRecipient.values()].map(({ r, from }) => {
                const x = r.transfer;
                return [
                  recipientLabel(w, r),
                  [...from].map((j) => jurisdictionLabel(w, j)).join(", "),
                  joined(w, x.safeguard ? [w(`dataMapFields.safeguard.${x.safeguard}`)] : [], x.safeguardNote),
                  joined(
                    w,
                    x.items.map((c) => categoryLabel(w, c)),
                  ),
                  joined(
                    w,
                    [x.timing ? w(`dataMapFields.timing.${x.timing}`) : "", x.method ? w(`dataMapFields.method.${x.method}`) : ""].filter(
                      Boolean,
                    ),
                  ),
                  x.refusal ? w(`dataMapFields.refusal.${x.refusal}`) : none,
                ];
              }),
            },
          ]
        : [{ kind: "list", items: [t("noTransfers")] }],
    },
    {
      item: "f",
      heading: t("items.f"),
      blocks: [
        {
          kind: "table",
          caption: t("items.f"),
          columns: [t("col.purpose"), t("col.category"), t("col.retention"), t("col.keptByLaw"), t("col.destruction")],
          rows: map.purposes.flatMap((p) =>
            p.dataCategories.map((c) => [
              p.name,
              categoryLabel(w, c),
              t("days", { days: p.retentionDays }),
              holdsFor(w, p, c),
              destructionOf(w, p),
            ]),
          ),
        },
      ],
    },
    {
      item: "g",
      heading: t("items.g"),
      blocks: [
        {
          kind: "list",
          items: [
            ...priv.securityMeasures.map((m) => w(`dataMapFields.security.${m}`)),
            ...(priv.securityNote ? [typed(priv.securityNote)] : []),
          ].concat(priv.securityMeasures.length || priv.securityNote ? [] : [none]),
        },
      ],
    },
  ];
  return { title: t("documentTitle", { controller: brand?.legalName ?? "" }), controller: brand?.legalName ?? "", sections };
}
