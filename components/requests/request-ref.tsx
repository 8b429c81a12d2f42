import Link from "next/link";
import type { CSSProperties } from "react";

// A reference such as REQ-2026-00006 is one token: read aloud, typed into a search, quoted to a customer.
// Tables used to break it at its hyphens; kept whole here, the column widens instead.
const whole: CSSProperties = { whiteSpace: "nowrap", fontFamily: "var(--mono)", fontSize: "0.9em" };

/**
 * A request's reference, never broken across lines; a link to the request's page when its id is given (staff
 * pages). `queue` is the queue's query (filters and page) the link is followed from: the request's page reads
 * it back for its "back to the queue" link.
 */
export function RequestRef({ reference, id, queue }: { reference: string; id?: number; queue?: string }) {
  if (id === undefined) return <span style={whole}>{reference}</span>;
  const href = queue ? `/admin/requests/${id}?${new URLSearchParams({ queue })}` : `/admin/requests/${id}`;
  return (
    <Link href={href} style={whole}>
      {reference}
    </Link>
  );
}
