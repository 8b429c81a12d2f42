/**
 * A category axis label (a purpose's name) in the lines it fits on: a chart's label column is a fixed
 * width, and a name longer than it ran off the chart's left edge, cut mid-word. Names in Korean and
 * Japanese are wider per character than English, so titles in the reader's language made it common.
 */

// Hangul, kana, CJK ideographs, full-width forms (and the ellipsis, drawn wide in CJK fonts) take about a full em; other text about 0.6 em.
const wide = /[\u2026\u1100-\u11ff\u3000-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;
const charWidth = (c: string, fontSize: number) => (wide.test(c) ? fontSize : 0.6 * fontSize);

const closing = /[)）」』】、。，．・!?！？]/;

/** The label broken into at most `maxLines` lines of at most `width` px, at spaces where it can; a rest that does not fit ends in "…". */
export function axisLabelLines(text: string, width: number, fontSize: number, maxLines = 2): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (rest && lines.length < maxLines) {
    let used = 0;
    let end = 0;
    while (end < rest.length && used + charWidth(rest[end], fontSize) <= width) used += charWidth(rest[end++], fontSize);
    if (end >= rest.length) {
      lines.push(rest);
      return lines;
    }
    const last = lines.length === maxLines - 1;
    const space = rest.lastIndexOf(" ", end);
    if (last) {
      // Room for the ellipsis: drop characters until it fits.
      let cut = end;
      while (cut > 0 && used + charWidth("…", fontSize) > width) used -= charWidth(rest[--cut], fontSize);
      lines.push(`${rest.slice(0, cut).trimEnd()}…`);
      return lines;
    }
    // A line never starts with closing punctuation (a lone "）" under "Candor（期限切れ処理"): it moves down with the character before it.
    const breakAt = space > 0 ? space : closing.test(rest[end]) && end > 1 ? end - 1 : end;
    lines.push(rest.slice(0, breakAt).trimEnd());
    rest = rest.slice(breakAt).trimStart();
  }
  return lines;
}
