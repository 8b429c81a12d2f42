import { plain } from "../../ropa/typed";
import type { Draft } from "./types";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Each run of text, the brand's typed parts marked translate="no" as the page shows them. */
function value(text: string): string {
  return text
    .split(/[\u2068\u2069]/)
    .map((piece, i) => (i % 2 === 1 ? `<span translate="no">${escape(piece)}</span>` : escape(piece)))
    .join("");
}

/**
 * A draft as one self-contained HTML file (styles inline, no script, nothing fetched) to attach to an authority's
 * portal or paste into its form: the title, the provision, then each section's items; a missing item reads as such.
 * California's notice keeps its legal title and headings in at least 10-point type (§1798.82(d)(1)(B)).
 */
export function draftHtml(draft: Draft, o: { lang: string; generated: string; missing: string; drill?: string }): string {
  const sections = draft.sections
    .map(
      (s) =>
        `<section><h2>${escape(s.heading)}</h2><dl>${s.items
          .map(
            (i) =>
              `<dt>${escape(i.label)}</dt><dd${i.value === null ? ' class="missing"' : ""}>${i.value === null ? escape(o.missing) : value(i.value)}</dd>`,
          )
          .join("")}</dl></section>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="${escape(o.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(plain(draft.title))}</title>
<style>
body{font-family:system-ui,"Noto Sans KR","Noto Sans JP",sans-serif;font-size:11pt;line-height:1.5;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#111}
h1{font-size:16pt;margin:0 0 .25rem}h2{font-size:13pt;margin:1.5rem 0 .5rem;border-bottom:1px solid #ccc}
dt{font-weight:700;margin-top:.6rem}dd{margin:0 0 0 1rem;white-space:pre-wrap;overflow-wrap:anywhere}
.missing{color:#a00;font-style:italic}.meta{color:#555;font-size:10pt}.drill{border:2px solid #a60;padding:.25rem .5rem;display:inline-block;font-weight:700}
</style>
</head>
<body>
<header>
${o.drill ? `<p class="drill">${escape(o.drill)}</p>\n` : ""}<h1>${escape(plain(draft.title))}</h1>
<p class="meta">${escape(draft.law)} · ${escape(o.generated)}</p>
</header>
${sections}
</body>
</html>
`;
}
