"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import styles from "./incident-tabs.module.css";

export type IncidentTab = { href: string; label: string };

/**
 * The incident's sections as a row of links, the one being viewed marked current; the overview is current on its
 * own page only. Links, not ARIA tabs: each section is its own page with its own address.
 */
export function IncidentTabs({ tabs, label }: { tabs: IncidentTab[]; label: string }) {
  const pathname = usePathname();
  const current = (href: string, i: number) => (i === 0 ? pathname === href : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label={label} className={styles.tabs}>
      <ul>
        {tabs.map((tab, i) => (
          <li key={tab.href}>
            <Link href={tab.href} aria-current={current(tab.href, i) ? "page" : undefined}>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
