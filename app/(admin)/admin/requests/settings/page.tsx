import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { verificationSettings } from "@/lib/requests/verification";
import { requirePagePermission } from "@/lib/server/session";
import { getBrandSettings } from "@/db/staff";
import { PageHeader } from "@/components/ui/page-header";
import { PolicyForm } from "./policy-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requestPolicy"))("title") };
}

/** How sure the brand must be of a person's identity for each type, and its own clocks. */
export default async function RequestPolicyPage() {
  await requirePagePermission("request:configure", "/admin/requests/settings");
  const t = await getTranslations("requestPolicy");
  const b = await getBrandSettings();
  return (
    <div className="stack">
      <p>
        <Link href="/admin/requests">{t("back")}</Link>
      </p>
      <PageHeader title={t("title")} description={t("description")} />
      <p>
        <Link href="/admin/requests/settings/messages">{t("messages.open")}</Link>
      </p>
      <PolicyForm
        current={{
          unverifiedCloseDays: b?.unverifiedCloseDays ?? 21,
          appiTargetDays: b?.appiTargetDays ?? 14,
          levels: verificationSettings(b?.requestVerification),
        }}
      />
    </div>
  );
}
