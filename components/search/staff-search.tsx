"use client";
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { can } from "@/lib/auth/permissions";
import { SEARCH_MAX_LENGTH, searchKinds, type SearchKind } from "@/lib/search/query";
import { searchHref, type SearchResults } from "@/lib/search/results";
import { useStaffSearch } from "./use-staff-search";
import styles from "./staff-search.module.css";

type Option = { key: string; kind: SearchKind; href: string; primary: string; secondary: string; index: number };

/** True when a key press belongs to something the staff member is typing in, so "/" is theirs, not the search's. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

function useOptions(results: SearchResults | undefined): [SearchKind, Option[]][] {
  const tr = useTranslations("requests");
  const tv = useTranslations("vocabulary");
  const t = useTranslations("search");
  return useMemo(() => {
    if (!results) return [];
    const groups: [SearchKind, Option[]][] = [];
    let index = 0;
    for (const kind of searchKinds) {
      const hits = results[kind];
      if (!hits?.length) continue;
      const options = hits.map((hit): Option => {
        const href = searchHref(kind, hit);
        const base = { key: href, kind, href, index: index++ };
        if ("ref" in hit) return { ...base, primary: hit.ref, secondary: `${tr(`types.${hit.type}`)} · ${tr(`statuses.${hit.status}`)}` };
        if ("uid" in hit)
          return {
            ...base,
            primary: hit.name ?? hit.email ?? hit.externalId ?? hit.uid,
            secondary: [hit.name ? hit.email : null, hit.externalId].filter(Boolean).join(" · ") || t("noName"),
          };
        return { ...base, primary: hit.title, secondary: `${hit.key} · ${tv(`status.${hit.status}`)}` };
      });
      groups.push([kind, options]);
    }
    return groups;
  }, [results, t, tr, tv]);
}

/**
 * The staff shell's search box: a combobox whose list groups requests, people and purposes, each option opening its
 * page. "/" focuses it from any page (not while typing in a field); arrows move through the options, Enter opens the
 * one chosen or, with none chosen, the full results page; Escape closes the list.
 */
export function StaffSearch({ role }: { role: string }) {
  const t = useTranslations("search");
  const id = useId();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const { q, searchable, results, failed, settled } = useStaffSearch(typed);
  const groups = useOptions(results);
  const options = groups.flatMap(([, o]) => o);
  const seeAll = `/admin/search?${new URLSearchParams({ q: typed.trim() })}`;
  const people = can(role, "subject:read-pii");
  const expanded = open && searchable;

  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTyping(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  // The page opened comes first: the box empties and the keyboard moves to the new page's content (the shell's <main>),
  // so Tab goes on from there and "/" works again at once.
  const opening = useRef(false);
  const pathname = usePathname();
  useEffect(() => {
    if (!opening.current) return;
    opening.current = false;
    document.getElementById("main")?.focus();
  }, [pathname]);
  function go(href: string) {
    setTyped("");
    setOpen(false);
    setActive(-1);
    input.current?.blur();
    opening.current = true;
    router.push(href);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      if (options.length === 0) return;
      const last = options.length - 1;
      setActive((i) => (event.key === "ArrowDown" ? (i >= last ? 0 : i + 1) : i <= 0 ? last : i - 1));
    } else if (event.key === "Enter" && expanded && active >= 0 && active < options.length) {
      event.preventDefault();
      go(options[active].href);
    } else if (event.key === "Escape") {
      if (expanded) event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const optionId = (i: number) => `${id}-option-${i}`;
  const status = !searchable
    ? ""
    : failed
      ? t("failed")
      : !settled || !results
        ? t("searching")
        : options.length
          ? t("found", { count: options.length })
          : t("none", { q });

  return (
    <form
      role="search"
      aria-label={t("label")}
      action="/admin/search"
      method="get"
      className={styles.search}
      onSubmit={() => setOpen(false)}
    >
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t(people ? "labelAll" : "labelPurposes")}
      </label>
      <div className={styles.box}>
        <input
          ref={input}
          id={`${id}-input`}
          name="q"
          type="search"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          maxLength={SEARCH_MAX_LENGTH}
          placeholder={t(people ? "placeholderAll" : "placeholderPurposes")}
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={expanded && active >= 0 && active < options.length ? optionId(active) : undefined}
          aria-keyshortcuts="/"
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          className={styles.input}
        />
        <kbd className={styles.key} aria-hidden="true">
          /
        </kbd>
      </div>
      <div className={styles.popup} hidden={!expanded}>
        <div id={`${id}-list`} role="listbox" aria-label={t("resultsLabel")} className={styles.list}>
          {groups.map(([kind, group]) => (
            <div key={kind} role="group" aria-labelledby={`${id}-${kind}`} className={styles.group}>
              <div role="presentation" id={`${id}-${kind}`} className={styles.groupLabel}>
                {t(`kinds.${kind}`)}
              </div>
              {group.map((option) => {
                const i = option.index;
                return (
                  <div
                    key={option.key}
                    id={optionId(i)}
                    role="option"
                    aria-selected={i === active}
                    className={styles.option}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => go(option.href)}
                    onMouseMove={() => setActive(i)}
                  >
                    <span className={styles.primary}>{option.primary}</span>
                    <span className={styles.secondary}>{option.secondary}</span>
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <p className={styles.status}>
          {status}{" "}
          {searchable && (
            <a href={seeAll} onMouseDown={(e) => e.preventDefault()} className={styles.seeAll}>
              {t("seeAll")}
            </a>
          )}
        </p>
      </div>
      {/* Only what a search came to is read out, not "Searching…" after every pause in typing. */}
      <p className="visually-hidden" aria-live="polite">
        {expanded && (failed || settled) ? status : ""}
      </p>
    </form>
  );
}
