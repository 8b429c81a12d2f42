import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { isLinkToken, linkTokenHash } from "@/lib/auth/link-token";
import { getDateFormatter } from "@/lib/server/format";
import { findInviteByToken, getBrandSettings } from "@/db/staff";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { setLocaleAction } from "@/app/locale-action";
import { AcceptInviteForm } from "./accept-invite-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invite"))("title"), robots: { index: false } };
}

/** Where an invitation's link leads: the invitee chooses their password, or learns why the link no longer works. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, tr, format, brand] = await Promise.all([
    getTranslations("invite"),
    getTranslations("roles"),
    getDateFormatter(),
    getBrandSettings(),
  ]);
  const found = isLinkToken(token) ? await findInviteByToken(linkTokenHash(token)) : ({ state: "unknown" } as const);
  return (
    <main className="auth-page">
      <div className="auth-card card">
        <div className="auth-top">
          <span className="brand" style={{ padding: 0 }}>
            Candor
          </span>
          <LanguageSwitcher setLocale={setLocaleAction} />
        </div>
        {found.state === "valid" ? (
          <>
            <h1>{t("title")}</h1>
            <p>{t("welcome", { name: found.invite.name, brand: brand?.name ?? "Candor", role: tr(found.invite.role) })}</p>
            <p className="muted">
              {t("account", { email: found.invite.email })}{" "}
              {t("expires", { at: format.dateTime(found.invite.expiresAt, { dateStyle: "medium", timeStyle: "short" }) })}
            </p>
            <AcceptInviteForm token={token} email={found.invite.email} />
          </>
        ) : (
          <>
            <h1>{t(`closed.${found.state}.title`)}</h1>
            <p>{t(`closed.${found.state}.body`)}</p>
            <p>
              <a href="/login">{t("toSignIn")}</a>
            </p>
          </>
        )}
      </div>
    </main>
  );
}
