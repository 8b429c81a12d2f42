import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { locales } from "@/lib/i18n/config";
import { defaultNoticeLanguages, noticeLanguagesByJurisdiction } from "@/lib/notices/required-languages";
import { requirePagePermission } from "@/lib/server/session";
import { getBrandSettings } from "@/db/staff";
import { PageHeader } from "@/components/ui/page-header";
import { NoticeLanguagesForm } from "./notice-languages-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("brandSettings"))("title") };
}

/** Settings that hold for the whole brand; today, the languages its notices must be published in per jurisdiction. */
export default async function BrandSettingsPage() {
  await requirePagePermission("settings:manage", "/admin/settings");
  const t = await getTranslations("brandSettings");
  const brand = await getBrandSettings();
  return (
    <div className="stack">
      <PageHeader title={t("title")} description={t("description")} />
      <NoticeLanguagesForm
        enabled={locales.filter((l) => brand?.enabledLocales.includes(l))}
        defaults={defaultNoticeLanguages}
        current={noticeLanguagesByJurisdiction(brand?.noticeLanguages ?? null)}
      />
    </div>
  );
}
