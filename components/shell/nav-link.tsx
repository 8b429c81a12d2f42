"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/**
 * A navigation link that marks itself current for the section being viewed; with `exact`, only on its own page.
 * `label` names it when its text is not the whole name (a count read out as "Overdue, 2").
 */
export function NavLink({ href, children, label, exact = false }: { href: string; children: ReactNode; label?: string; exact?: boolean }) {
  const pathname = usePathname();
  const current = pathname === href || (!exact && pathname.startsWith(`${href}/`));
  return (
    <Link href={href} aria-current={current ? "page" : undefined} aria-label={label}>
      {children}
    </Link>
  );
}
