// Free text the brand typed (a note, a purpose's description) sits in the record beside Candor's own words, which
// are in the reader's language. Inside a document string it is wrapped in Unicode's first-strong isolate and
// pop-directional isolate (U+2068 … U+2069), the marks made for embedding text of unknown language and direction:
// a page shows each such run as written (translate="no"), the CSV and the PDF drop the marks.

const START = "\u2068";
const END = "\u2069";

/** The brand's free text, marked as typed. */
export function typed(text: string): string {
  return `${START}${text}${END}`;
}

/** A string as runs: Candor's words, and the brand's typed text. */
export function typedRuns(text: string): { text: string; typed: boolean }[] {
  const runs: { text: string; typed: boolean }[] = [];
  for (const [i, piece] of text.split(new RegExp(`[${START}${END}]`)).entries()) if (piece) runs.push({ text: piece, typed: i % 2 === 1 });
  return runs;
}

/** The string without the marks: for files (CSV, PDF) that show every run alike. */
export function plain(text: string): string {
  return text.replace(new RegExp(`[${START}${END}]`, "g"), "");
}
