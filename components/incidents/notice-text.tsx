import { typedRuns } from "@/lib/ropa/typed";

/** A rendered breach notice's text: Candor's words in the notice's language, the brand's typed measures as written. */
export function NoticeText({ text }: { text: string }) {
  return typedRuns(text).map((run, i) =>
    run.typed ? (
      <span key={i} translate="no">
        {run.text}
      </span>
    ) : (
      <span key={i}>{run.text}</span>
    ),
  );
}
