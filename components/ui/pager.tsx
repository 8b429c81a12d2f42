import Link from "next/link";
import { pageHref } from "@/lib/paging";

type PagerLabels = {
  /** The navigation's name for screen readers ("Pages"). */
  nav: string;
  /** The link back towards page 1 ("← Newer"). */
  back: string;
  /** The link on, when there is more ("Older →"). */
  on: string;
  /** This page ("Page 2"). */
  page: string;
};

/** Back and on links around the page number of a filtered list; each link keeps the filters. */
export function Pager({
  path,
  filters,
  page,
  hasMore,
  labels,
}: {
  path: string;
  filters: Record<string, unknown>;
  page: number;
  hasMore: boolean;
  labels: PagerLabels;
}) {
  return (
    <nav className="pager" aria-label={labels.nav}>
      {page > 1 ? <Link href={pageHref(path, filters, page - 1)}>{labels.back}</Link> : null}
      <span className="muted">{labels.page}</span>
      {hasMore ? <Link href={pageHref(path, filters, page + 1)}>{labels.on}</Link> : null}
    </nav>
  );
}
