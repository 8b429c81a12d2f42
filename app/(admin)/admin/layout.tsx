import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { navFor } from "@/lib/auth/navigation";
import { can } from "@/lib/auth/permissions";
import { reviewScopeFor } from "@/lib/notifications/vocabulary";
import { getCurrentUser } from "@/lib/server/session";
import { getBrandSettings } from "@/db/staff";
import { getMyQueueCounts } from "@/db/requests";
import { countReviewInbox } from "@/db/notifications";
import { NavLink } from "@/components/shell/nav-link";
import { MenuCount } from "@/components/shell/menu-count";
import { ShellMenu } from "@/components/shell/shell-menu";
import { StaffSearch } from "@/components/search/staff-search";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { setLocaleAction } from "@/app/locale-action";
import { signOutAction } from "./actions";

/** The staff shell: checks the session once, then shows only the sections the role may open. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const [t, tr, messages] = await Promise.all([getTranslations("shell"), getTranslations("roles"), getMessages()]);
  const brand = await getBrandSettings();
  // What waits on me, on every page: a few counts on indexes, each only for a role that may open what it counts.
  const scope = reviewScopeFor(user.role);
  const [queue, inbox] = await Promise.all([
    can(user.role, "request:read") ? getMyQueueCounts(user.id, new Date()) : null,
    scope.purposes || scope.notices ? countReviewInbox(scope, user.id) : null,
  ]);
  const named = (label: string, count: number) => t("withCount", { label, count });
  const views = queue
    ? [
        { href: "/admin/requests?assignee=me", label: t("nav.assignedToMe"), count: queue.assigned, urgent: false },
        { href: "/admin/requests?dueSoon=1", label: t("nav.dueSoon"), count: queue.dueSoon, urgent: false },
        { href: "/admin/requests?overdue=1", label: t("nav.overdue"), count: queue.overdue, urgent: true },
      ]
    : [];
  return (
    // Staff pages' client components draw on most of the catalog: they get all of it (lib/i18n/client-namespaces.ts).
    <NextIntlClientProvider messages={messages}>
      <div className="shell">
        <a className="skip-link" href="#main">
          {t("skip")}
        </a>
        <aside className="sidebar">
          <div className="brand">
            Candor
            <small>{brand?.name ?? t("noBrand")}</small>
          </div>
          <ShellMenu label={t("menu")}>
            <nav className="nav" aria-label={t("navLabel")}>
              <ul>
                {navFor(user.role).map((item) => (
                  <li key={item.href}>
                    {item.label === "inbox" && inbox !== null ? (
                      <NavLink href={item.href} label={named(t("nav.inbox"), inbox)}>
                        <span>{t("nav.inbox")}</span>
                        <MenuCount count={inbox} />
                      </NavLink>
                    ) : (
                      <NavLink href={item.href}>{t(`nav.${item.label}`)}</NavLink>
                    )}
                    {item.label === "requests" && views.length ? (
                      <ul className="nav-views" aria-label={t("requestViews")}>
                        {views.map((v) => (
                          <li key={v.href}>
                            <NavLink href={v.href} label={named(v.label, v.count)} exact>
                              <span>{v.label}</span>
                              <MenuCount count={v.count} urgent={v.urgent} />
                            </NavLink>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ul>
            </nav>
            <div className="sidebar-foot">
              <div className="who">
                <NavLink href="/admin/profile" label={t("profile", { name: user.name })}>
                  <strong>{user.name}</strong>
                  {tr(user.role)}
                </NavLink>
              </div>
              <LanguageSwitcher setLocale={setLocaleAction} tone="dark" />
              <form action={signOutAction}>
                <button type="submit" className="button secondary small">
                  {t("signOut")}
                </button>
              </form>
            </div>
          </ShellMenu>
        </aside>
        <main id="main" className="main" tabIndex={-1}>
          <StaffSearch role={user.role} />
          {children}
        </main>
      </div>
    </NextIntlClientProvider>
  );
}
