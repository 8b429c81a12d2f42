/** The small pieces every part of the policy is written with, in the part's language. */
import type { Locale } from "../i18n/config";
import type { Line, Run, Translate } from "./document";
import { purposesFor, recipientsOf } from "./checklists";
import type { Contact, PolicyInput, PolicyJurisdiction, PolicyPurpose, PolicyRecipient } from "./input";

export type Writer = {
  t: Translate;
  locale: Locale;
  input: PolicyInput;
  j: PolicyJurisdiction;
  purposes: PolicyPurpose[];
  recipients: PolicyRecipient[];
};

export function writer(input: PolicyInput, j: PolicyJurisdiction, locale: Locale, t: Translate): Writer {
  const purposes = purposesFor(input, j);
  return { t, locale, input, j, purposes, recipients: recipientsOf(input, purposes) };
}

/** What the brand typed: plain in English (its language), a stored run elsewhere. */
export function typed(w: Writer, text: string): Run {
  return w.locale === "en" ? text : { stored: text, lang: "en" };
}

/** A purpose's name in the reader's language: its notice's title there, else the name as typed. */
export function purposeName(w: Writer, p: PolicyPurpose): Run {
  return p.words[w.locale]?.title ?? typed(w, p.name);
}

export function purposeWhy(w: Writer, p: PolicyPurpose): Run {
  return p.words[w.locale]?.why || typed(w, p.description);
}

/** The interest a legitimate-interests purpose pursues: what its notice says it is for, else as typed. */
export function purposeBenefit(w: Writer, p: PolicyPurpose): Run {
  return p.words[w.locale]?.why || typed(w, p.benefit);
}

export function list(w: Writer, items: string[]): string {
  return new Intl.ListFormat(w.locale, { type: "conjunction" }).format(items);
}

/** A code's label from the policy's catalog (security measures, sources, safeguards…); an unknown code as stored. */
export function label(w: Writer, group: string, code: string): string {
  const key = `privacyPolicy.labels.${group}.${code}`;
  const text = w.t(key);
  return text === key || text.endsWith(key) ? code : text;
}

export function categories(w: Writer, codes: string[]): string {
  return list(
    w,
    codes.map((c) => w.t(`vocabulary.category.${c}`)),
  );
}

export function days(w: Writer, count: number): string {
  return w.t("privacyPolicy.doc.days", { count });
}

export function country(w: Writer, code: string): string {
  try {
    return new Intl.DisplayNames([w.locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function purposesOf(w: Writer, r: PolicyRecipient): PolicyPurpose[] {
  return w.purposes.filter((p) => p.recipientIds.includes(r.id));
}

/** "Name (Name)": purposes' names joined into one line. */
export function purposeNames(w: Writer, ps: PolicyPurpose[]): Line {
  const out: Line = [];
  ps.forEach((p, i) => {
    if (i) out.push(w.t("privacyPolicy.doc.separator"));
    out.push(purposeName(w, p));
  });
  return out;
}

export function link(w: Writer, href: string, key: string): Run {
  return { href, label: w.t(`privacyPolicy.doc.${key}`) };
}

/** A sentence from the catalog with runs spliced in at its {placeholders}, so stored text keeps its mark. */
export function sentence(w: Writer, key: string, runs: Record<string, Run | Line | string | number>): Line {
  const marks: Record<string, string> = {};
  for (const name of Object.keys(runs)) marks[name] = `\u0000${name}\u0000`;
  const text = w.t(`privacyPolicy.doc.${key}`, marks);
  const out: Line = [];
  text.split("\u0000").forEach((piece, i) => {
    if (i % 2 === 0) {
      if (piece) out.push(piece);
      return;
    }
    const v = runs[piece];
    if (Array.isArray(v)) out.push(...v);
    else if (typeof v === "number") out.push(String(v));
    else out.push(v);
  });
  return out;
}

/** A contact as one stored run: name, department, address and how to reach them, as typed. */
export function contactLine(w: Writer, c: Contact | { name: string; contact: string } | null): Line {
  const all = c ? [c.name, "department" in c ? c.department : null, "address" in c ? c.address : null, c.contact] : [];
  return [typed(w, all.filter((s): s is string => !!s && s.trim().length > 0).join(", "))];
}
