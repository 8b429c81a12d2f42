import type { DiffPart } from "@/lib/notices/diff";

/** Inline diff: removed text struck through, added text highlighted. */
export function DiffView({ parts }: { parts: DiffPart[] }) {
  return (
    <span style={{ whiteSpace: "pre-wrap" }}>
      {parts.map((p, i) =>
        p.kind === "added" ? (
          <ins key={i}>{p.text}</ins>
        ) : p.kind === "removed" ? (
          <del key={i}>{p.text}</del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}
