import Link from "next/link";
import type { CSSProperties } from "react";

// A reference such as REQ-2026-00006 is one token: read aloud, typed into a search, quoted to a customer.
// Tables used to break it at its hyphens; kept whole here, the column widens instead.
const whole: CSSProperties = { whiteSpace: "nowrap", fontFamily: "var(--mono)", fontSize: "0.9em" };

/** A request's reference, never broken across lines; a link to the request's page when its id is given (staff pages). */
export function RequestRef({ reference, id }: { reference: string; id?: number }) {
  return id === undefined ? (
    <span style={whole}>{reference}</span>
  ) : (
    <Link href={`/admin/requests/${id}`} style={whole}>
      {reference}
    </Link>
  );
}
