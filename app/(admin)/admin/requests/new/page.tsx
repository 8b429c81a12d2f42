import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { toLocalInput } from "@/lib/requests/receipt";
import { requirePagePermission } from "@/lib/server/session";
import { requestPolicy } from "@/db/requests";
import { PageHeader } from "@/components/ui/page-header";
import { IntakeForm } from "./intake-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requestDetail"))("intakeTitle") };
}

export default async function NewRequestPage() {
  await requirePagePermission("request:process", "/admin/requests/new");
  const t = await getTranslations("requestDetail");
  const { timeZone } = await requestPolicy();
  return (
    <div className="stack">
      <p>
        <Link href="/admin/requests">{t("back")}</Link>
      </p>
      <PageHeader title={t("intakeTitle")} description={t("intakeDescription")} />
      <IntakeForm timeZone={timeZone} now={toLocalInput(new Date(), timeZone)} />
    </div>
  );
}
