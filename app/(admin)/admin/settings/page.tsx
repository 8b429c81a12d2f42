import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { locales } from "@/lib/i18n/config";
import { defaultNoticeLanguages, noticeLanguagesByJurisdiction } from "@/lib/notices/required-languages";
import { confirmationLimitDays } from "@/lib/propagation/confirmation-limit";
import { suppressionK } from "@/lib/metrics/suppression";
import { requirePagePermission } from "@/lib/server/session";
import { getBrandSettings } from "@/db/staff";
import { PageHeader } from "@/components/ui/page-header";
import { NoticeLanguagesForm } from "./notice-languages-form";
import { ConfirmationLimitForm } from "./confirmation-limit-form";
import { TwoFactorRequirementForm } from "./two-factor-requirement-form";
import { ReceiptKeys } from "./receipt-keys";
import { SuppressionKForm } from "./suppression-k-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("brandSettings"))("title") };
}

/** Settings that hold for the whole brand: the languages its notices must be published in per jurisdiction, and how long recipients have to confirm a propagated change. */
export default async function BrandSettingsPage() {
  await requirePagePermission("settings:manage", "/admin/settings");
  const [t, tc] = await Promise.all([getTranslations("brandSettings"), getTranslations("dataMapFields.controller")]);
  const brand = await getBrandSettings();
  return (
    <div className="stack">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link className="button secondary" href="/admin/settings/controller">
            {tc("link")}
          </Link>
        }
      />
      <NoticeLanguagesForm
        enabled={locales.filter((l) => brand?.enabledLocales.includes(l))}
        defaults={defaultNoticeLanguages}
        current={noticeLanguagesByJurisdiction(brand?.noticeLanguages ?? null)}
      />
      <ConfirmationLimitForm current={brand?.confirmationLimitDays ?? confirmationLimitDays.default} />
      <SuppressionKForm current={brand?.suppressionK ?? suppressionK.default} />
      <TwoFactorRequirementForm current={brand?.requireTwoFactor ?? false} />
      <ReceiptKeys />
    </div>
  );
}
