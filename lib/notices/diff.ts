/**
 * A draft against the published version, for review before publishing.
 * English is diffed by word, Korean by eojeol (both keep whitespace as its
 * own token so line breaks show), and Japanese, which has no spaces to
 * split on, by character.
 */
import { diffArrays, diffChars, diffWordsWithSpace } from "diff";
import { countChars, countWords, WORD_UNIT, type Locale, type WordUnit } from "./sentences";
import { SHORT_LAYER_FIELDS, type ShortLayer, type ShortLayerField } from "./required-elements";

export type DiffKind = "same" | "added" | "removed";

export interface DiffPart {
  kind: DiffKind;
  text: string;
}

export interface TextDiff {
  parts: DiffPart[];
  /** Words, eojeol or characters added and removed, per `unit`. */
  added: number;
  removed: number;
  unit: WordUnit;
}

export interface FieldDiff extends TextDiff {
  changed: boolean;
}

export interface ShortLayerDiff {
  fields: Record<ShortLayerField, FieldDiff>;
  changedFields: ShortLayerField[];
  added: number;
  removed: number;
}

// Myers' diff is O(N·D): a rewrite of a few thousand characters took seconds
// in the browser. Past this many edits the draft is shown as a replacement,
// which is what a reviewer needs to see for a rewrite anyway (~100 ms worst case).
const MAX_EDIT_LENGTH = 1000;

// jsdiff's word tokenizer only knows Latin letters and would cut Hangul into
// single syllables; this is its "with space" tokenizer with any letter as a word character.
const KO_TOKENS = /\r?\n|[^\S\r\n]+|[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu;

type Change = { added?: boolean; removed?: boolean; value: string };

/** Diffs published text against a draft: same/added/removed parts with unit counts. */
export function diffText(published: string | null | undefined, draft: string | null | undefined, locale: Locale): TextDiff {
  const before = published ?? "";
  const after = draft ?? "";
  const changes = rawChanges(before, after, locale);
  const parts: DiffPart[] = changes
    ? mergeParts(changes)
    : [...(before ? [{ kind: "removed" as const, text: before }] : []), ...(after ? [{ kind: "added" as const, text: after }] : [])];
  let added = 0;
  let removed = 0;
  for (const part of parts) {
    if (part.kind === "added") added += measure(part.text, locale);
    if (part.kind === "removed") removed += measure(part.text, locale);
  }
  return { parts, added, removed, unit: WORD_UNIT[locale] };
}

/** Diffs each short-layer field; fields absent on either side count as empty. */
export function diffShortLayer(
  published: Partial<ShortLayer> | null | undefined,
  draft: Partial<ShortLayer> | null | undefined,
  locale: Locale,
): ShortLayerDiff {
  const fields = {} as Record<ShortLayerField, FieldDiff>;
  const changedFields: ShortLayerField[] = [];
  let added = 0;
  let removed = 0;
  for (const field of SHORT_LAYER_FIELDS) {
    const before = published?.[field] ?? "";
    const after = draft?.[field] ?? "";
    const diff = diffText(before, after, locale);
    const changed = before !== after;
    fields[field] = { ...diff, changed };
    if (changed) changedFields.push(field);
    added += diff.added;
    removed += diff.removed;
  }
  return { fields, changedFields, added, removed };
}

function rawChanges(before: string, after: string, locale: Locale): Change[] | undefined {
  if (before === after) return before ? [{ value: before }] : [];
  const options = { maxEditLength: MAX_EDIT_LENGTH };
  if (locale === "ja") return diffChars(before, after, options);
  if (locale === "en") return diffWordsWithSpace(before, after, options);
  const changes = diffArrays(before.match(KO_TOKENS) ?? [], after.match(KO_TOKENS) ?? [], options);
  return changes?.map((c) => ({ added: c.added, removed: c.removed, value: c.value.join("") }));
}

// Adjacent changes of one kind are joined so the editor renders one span each.
function mergeParts(changes: Change[]): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of changes) {
    if (change.value === "") continue;
    const kind: DiffKind = change.added ? "added" : change.removed ? "removed" : "same";
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += change.value;
    else parts.push({ kind, text: change.value });
  }
  return parts;
}

function measure(text: string, locale: Locale): number {
  return locale === "ja" ? countChars(text) : countWords(text, locale);
}

export type NoticeDiffRow = { field: "title" | ShortLayerField | "fullText"; parts: DiffPart[] };

/** Everything that differs between two notice versions, field by field, with totals for the summary line. */
export function diffNotice(
  published: { title: string; shortLayer: Partial<ShortLayer> | null; fullText: string },
  draft: { title: string; shortLayer: Partial<ShortLayer> | null; fullText: string },
  locale: Locale,
): { rows: NoticeDiffRow[]; added: number; removed: number; unit: WordUnit } {
  const title = diffText(published.title, draft.title, locale);
  const layer = diffShortLayer(published.shortLayer, draft.shortLayer, locale);
  const full = diffText(published.fullText, draft.fullText, locale);
  const rows: NoticeDiffRow[] = [
    ...(published.title !== draft.title ? [{ field: "title" as const, parts: title.parts }] : []),
    ...layer.changedFields.map((field) => ({ field, parts: layer.fields[field].parts })),
    ...(full.added + full.removed > 0 ? [{ field: "fullText" as const, parts: full.parts }] : []),
  ];
  return { rows, added: title.added + layer.added + full.added, removed: title.removed + layer.removed + full.removed, unit: full.unit };
}
