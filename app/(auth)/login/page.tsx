import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { homeFor } from "@/lib/auth/navigation";
import { getCurrentUser } from "@/lib/server/session";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { setLocaleAction } from "@/app/locale-action";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

const searchSchema = z.object({
  next: z
    .string()
    .regex(/^\/admin(\/[\w\-/]*)?$/)
    .catch("/admin"),
});

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await getCurrentUser();
  if (user) redirect(homeFor(user.role));
  const { next } = searchSchema.parse(await searchParams);
  const t = await getTranslations("login");
  return (
    <main className="auth-page">
      <div className="auth-card card">
        <div className="auth-top">
          <span className="brand" style={{ padding: 0 }}>
            Candor
          </span>
          <LanguageSwitcher setLocale={setLocaleAction} />
        </div>
        <h1>{t("title")}</h1>
        <p className="muted">{t("intro")}</p>
        <LoginForm next={next} />
      </div>
    </main>
  );
}
