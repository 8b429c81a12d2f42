import type { ReactNode } from "react";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { clientNamespaces, pickMessages } from "@/lib/i18n/client-namespaces";
import { getBrandSettings } from "@/db/staff";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { setLocaleAction } from "@/app/locale-action";

/** The public side: what customers of the brand see. No staff session is read here. */
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const [t, tp, messages] = await Promise.all([getTranslations("publicNotice"), getTranslations("privacyPolicy.public"), getMessages()]);
  const brand = await getBrandSettings();
  return (
    // A visitor's browser gets the messages of the public pages' client components only (lib/i18n/client-namespaces.ts).
    <NextIntlClientProvider messages={pickMessages(messages, clientNamespaces.public)}>
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
    </NextIntlClientProvider>
  );
}
