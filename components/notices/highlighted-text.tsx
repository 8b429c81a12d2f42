import type { VagueMatch } from "@/lib/notices/vague-words";
import type { LongSentence } from "@/lib/notices/readability";

type Mark = { start: number; end: number; kind: "vague" | "long" };

/**
 * The text with vague words marked and long sentences underlined, so the
 * author sees exactly where to rewrite. Vague marks nest inside sentences.
 */
export function HighlightedText({ text, vague, long, label }: { text: string; vague: VagueMatch[]; long: LongSentence[]; label: string }) {
  const cuts = new Set<number>([0, text.length]);
  const marks: Mark[] = [
    ...long.map((s) => ({ start: s.start, end: s.end, kind: "long" as const })),
    ...vague.map((v) => ({ start: v.start, end: v.end, kind: "vague" as const })),
  ];
  for (const m of marks) cuts.add(m.start).add(m.end);
  const points = [...cuts].filter((n) => n >= 0 && n <= text.length).sort((a, b) => a - b);
  return (
    // A scrolling box: focusable and named, so keyboard users can scroll it and screen readers announce it.
    <div className="highlighted" style={{ whiteSpace: "pre-wrap" }} tabIndex={0} role="region" aria-label={label}>
      {points.slice(0, -1).map((start, i) => {
        const end = points[i + 1];
        const piece = text.slice(start, end);
        const inLong = long.some((s) => s.start <= start && end <= s.end);
        const inVague = vague.some((v) => v.start <= start && end <= v.end);
        let node: React.ReactNode = piece;
        if (inVague) node = <mark className="vague">{node}</mark>;
        if (inLong) node = <span className="long-sentence">{node}</span>;
        return <span key={start}>{node}</span>;
      })}
    </div>
  );
}
