/**
 * A purpose's name in the reader's language. The brand names a purpose once (purposes.name, as
 * typed); the title of its notice in a language is what a reader of that language knows it by.
 * Where a title exists in the reader's language it is used; a purpose never published in it keeps
 * the name as typed.
 */
export type PurposeTitles = ReadonlyMap<string, string>;

export const noTitles: PurposeTitles = new Map();

/** The name to show for a purpose: its title in the reader's language, else the brand's name. */
export function purposeName(purpose: { key: string; name: string }, titles: PurposeTitles): string {
  return titles.get(purpose.key) ?? purpose.name;
}

/** The same rows with each purpose named in the reader's language. */
export function withPurposeNames<T extends { key: string; name: string }>(rows: readonly T[], titles: PurposeTitles): T[] {
  return rows.map((r) => ({ ...r, name: purposeName(r, titles) }));
}
