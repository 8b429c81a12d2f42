"use client";
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { usePathname } from "next/navigation";

/**
 * The staff menu. On a laptop it is always there beside the page; on a narrow screen (globals.css, max-width 800px)
 * it waits behind a button so the first screen shows the page, opens below the bar, and closes on Escape (focus goes
 * back to the button) or when a link is followed (the new page shows first).
 */
export function ShellMenu({ label, children }: { label: string; children: ReactNode }) {
  const id = useId();
  const pathname = usePathname();
  const button = useRef<HTMLButtonElement>(null);
  // Open on the page where it was opened: following a link to another page closes it, without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== "Escape" || !open) return;
    setOpenOn(null);
    button.current?.focus();
  }

  return (
    <div className="shell-menu-area" onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="menu-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
          {open ? (
            <path d="M5 5 L15 15 M15 5 L5 15" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          ) : (
            <path d="M3 5 H17 M3 10 H17 M3 15 H17" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          )}
        </svg>
        {label}
      </button>
      <div id={id} className="shell-menu" data-open={open}>
        {children}
      </div>
    </div>
  );
}
