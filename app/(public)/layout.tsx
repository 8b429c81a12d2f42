import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getBrandSettings } from "@/db/staff";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { setLocaleAction } from "@/app/locale-action";

/** The public side: what customers of the brand see. No staff session is read here. */
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const [t, tp] = await Promise.all([getTranslations("publicNotice"), getTranslations("privacyPolicy.public")]);
  const brand = await getBrandSettings();
  return (
    <div className="public">
      <a className="skip-link" href="#main">
        {t("skip")}
      </a>
      <header className="public-header">
        <Link href="/notices" className="public-brand">
          {brand?.name ?? "Candor"}
          <small>{t("trustCenter")}</small>
        </Link>
        <LanguageSwitcher setLocale={setLocaleAction} />
      </header>
      <main id="main" className="public-main">
        {children}
      </main>
      <footer className="public-footer muted">
        {/* Where a visitor looks for the policy: at the foot of every public page. */}
        <Link href="/privacy">{tp("link")}</Link>
        {" · "}
        {t("footer", { brand: (brand?.legalName ?? "").replace(/\.$/, "") })}
      </footer>
    </div>
  );
}
