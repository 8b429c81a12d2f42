import { Fragment } from "react";

// After these a long token (an address, a path, a generated id) may break onto the next line.
const BREAK_AFTER = /([@/:_.\-])/;

/**
 * Text whose long tokens may break after @ / : _ . - (a word break opportunity, <wbr>), so a column is as wide
 * as the longest part rather than the whole address or id; copied text is unchanged.
 */
export function Breakable({ text }: { text: string }) {
  const parts = text.split(BREAK_AFTER);
  return (
    <>
      {parts.map((part, i) =>
        BREAK_AFTER.test(part) && i < parts.length - 1 ? (
          <Fragment key={i}>
            {part}
            <wbr />
          </Fragment>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
