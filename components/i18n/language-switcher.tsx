"use client";
import { useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { localeNames, locales, type Locale } from "@/lib/i18n/config";

/** Lets anyone pick the interface language; the choice is kept in a cookie by the given action. */
export function LanguageSwitcher({ setLocale, tone = "light" }: { setLocale: (locale: Locale) => Promise<void>; tone?: "light" | "dark" }) {
  const t = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="row" style={{ gap: "0.4rem", color: tone === "dark" ? "#e8eef4" : undefined }}>
      <span>{t("language")}</span>
      <select
        value={locale}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value as Locale;
          startTransition(async () => {
            await setLocale(next);
            router.refresh();
          });
        }}
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {localeNames[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
