import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { navFor } from "@/lib/auth/navigation";
import { getCurrentUser } from "@/lib/server/session";
import { getBrandSettings } from "@/db/staff";
import { NavLink } from "@/components/shell/nav-link";
import { ShellMenu } from "@/components/shell/shell-menu";
import { StaffSearch } from "@/components/search/staff-search";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { setLocaleAction } from "@/app/locale-action";
import { signOutAction } from "./actions";

/** The staff shell: checks the session once, then shows only the sections the role may open. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const [t, tr] = await Promise.all([getTranslations("shell"), getTranslations("roles")]);
  const brand = await getBrandSettings();
  return (
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
                  <NavLink href={item.href}>{t(`nav.${item.label}`)}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="sidebar-foot">
            <div className="who">
              <strong>{user.name}</strong>
              {tr(user.role)}
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
  );
}
