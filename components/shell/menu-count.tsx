/** A count beside a menu entry; the link's own name carries it for screen readers, so this is hidden from them. */
export function MenuCount({ count, urgent = false }: { count: number; urgent?: boolean }) {
  return (
    <span className="menu-count" data-urgent={urgent && count > 0 ? "true" : undefined} aria-hidden="true">
      {count}
    </span>
  );
}
