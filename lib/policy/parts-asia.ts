/** The Korean (PIPA Art. 30(1), Art. 28-8(2)) and Japanese (APPI Art. 32(1)) parts, one section per checklist item. */
import type { Block, Line } from "./document";
import { isOverseas } from "./checklists";
import {
  categories,
  contactLine,
  country,
  days,
  label,
  link,
  purposeName,
  purposeNames,
  purposesOf,
  purposeWhy,
  sentence,
  typed,
  type Writer,
} from "./words";

const p = (line: Line): Block => ({ p: line });

export function purposesBlocks(w: Writer): Block[] {
  return [
    p(sentence(w, "purposesIntro", {})),
    { ul: w.purposes.map((x) => sentence(w, "purposeLine", { name: purposeName(w, x), why: purposeWhy(w, x) })) },
  ];
}

export function securityBlocks(w: Writer): Block[] {
  return [p(sentence(w, "securityIntro", {})), { ul: w.input.brand.securityMeasures.map((m) => [label(w, "security", m)]) }];
}

const processors = (w: Writer) => w.recipients.filter((r) => r.role === "processor");
const thirdParties = (w: Writer) => w.recipients.filter((r) => r.role !== "processor");

export function krSections(w: Writer): Record<string, Block[]> {
  const overseas = w.recipients.filter((r) => isOverseas("KR", r.country));
  const { brand, links } = w.input;
  const kept = w.purposes.flatMap((x) => x.keptByLaw);
  return {
    purposes: purposesBlocks(w),
    periods: [
      p(sentence(w, "periodsIntro", {})),
      { ul: w.purposes.map((x) => sentence(w, "periodLine", { name: purposeName(w, x), period: days(w, x.retentionDays) })) },
    ],
    items: [
      {
        ul: w.purposes.map((x) =>
          sentence(w, x.legalBasis === "consent" ? "itemsOptional" : "itemsRequired", {
            name: purposeName(w, x),
            items: categories(w, x.dataCategories),
          }),
        ),
      },
    ],
    third_parties: thirdParties(w).length
      ? [
          p(sentence(w, "thirdPartiesIntro", {})),
          {
            ul: thirdParties(w).map((r) => {
              const ps = purposesOf(w, r);
              return sentence(w, "thirdPartyLine", {
                recipient: typed(w, r.name),
                purposes: purposeNames(w, ps),
                items: categories(w, [...new Set(ps.flatMap((x) => x.dataCategories))]),
                period: days(w, Math.max(...ps.map((x) => x.retentionDays))),
              });
            }),
          },
        ]
      : [p(sentence(w, "noThirdParties", {}))],
    overseas: overseas.length
      ? [
          p(sentence(w, "overseasIntro", {})),
          {
            ul: overseas.map((r) => {
              const ps = purposesOf(w, r);
              return sentence(w, "overseasLine", {
                recipient: typed(w, r.name),
                country: country(w, r.country),
                contact: typed(w, r.contactEmail ?? ""),
                items: categories(w, r.transfer?.items.length ? r.transfer.items : [...new Set(ps.flatMap((x) => x.dataCategories))]),
                when: label(w, "timing", r.transfer?.timing ?? ""),
                how: label(w, "method", r.transfer?.method ?? ""),
                purposes: purposeNames(w, ps),
                period: days(w, Math.max(...ps.map((x) => x.retentionDays))),
                refuse: label(w, "refusal", r.transfer?.refusal ?? ""),
              });
            }),
          },
        ]
      : [p(sentence(w, "noOverseas", {}))],
    destruction: [
      p(sentence(w, "destructionIntro", {})),
      {
        ul: w.purposes.map((x) =>
          sentence(w, "destructionLine", { name: purposeName(w, x), method: label(w, "destruction", x.destructionMethod ?? "") }),
        ),
      },
      ...(kept.length
        ? [
            p(sentence(w, "keptIntro", {})),
            {
              ul: kept.map((k) =>
                sentence(w, k.note ? "keptLineNote" : "keptLine", {
                  items: categories(w, k.items),
                  law: label(w, "law", k.law),
                  period: days(w, k.days),
                  ...(k.note ? { note: typed(w, k.note) } : {}),
                }),
              ),
            },
          ]
        : []),
    ],
    entrustment: processors(w).length
      ? [
          p(sentence(w, "entrustmentIntro", {})),
          {
            ul: processors(w).map((r) =>
              sentence(w, "entrustmentLine", { recipient: typed(w, r.name), purposes: purposeNames(w, purposesOf(w, r)) }),
            ),
          },
        ]
      : [p(sentence(w, "noEntrustment", {}))],
    rights: [
      p(
        sentence(w, "krRights", {
          requests: link(w, links.requests, "requestsLink"),
          preferences: link(w, links.preferences, "preferencesLink"),
        }),
      ),
    ],
    officer: [
      p(sentence(w, "officerLine", { contact: contactLine(w, brand.privacyOfficer) })),
      ...(brand.domesticAgent ? [p(sentence(w, "domesticAgentLine", { contact: contactLine(w, brand.domesticAgent) }))] : []),
    ],
    cookies: [p(sentence(w, "cookies", { preferences: link(w, links.preferences, "preferencesLink") }))],
    security: securityBlocks(w),
    remedies: [
      p(sentence(w, "remediesIntro", {})),
      { ul: ["kopico", "kisa", "spo", "police"].map((b) => [w.t(`privacyPolicy.doc.remedyBodies.${b}`)]) },
      p(sentence(w, "complaintLine", { contact: contactLine(w, brand.complaintContacts.pipa ?? null) })),
    ],
    effective_date: [p(sentence(w, "effectiveDate", { date: w.input.effectiveDate }))],
  };
}

export function jpSections(w: Writer): Record<string, Block[]> {
  const { brand, links } = w.input;
  return {
    business: [
      p(
        sentence(w, "businessLine", {
          name: typed(w, brand.legalName),
          address: typed(w, brand.address),
          representative: typed(w, brand.representative ?? ""),
        }),
      ),
    ],
    purposes: purposesBlocks(w),
    requests: [p(sentence(w, "jpRequests", { requests: link(w, links.requests, "requestsLink") }))],
    security: securityBlocks(w),
    complaints: [
      p(sentence(w, "complaintLine", { contact: contactLine(w, brand.complaintContacts.appi ?? null) })),
      p(sentence(w, "jpDesk", { email: typed(w, brand.contactEmail) })),
    ],
  };
}
