import type { Metadata } from "next";
import { getTimeZone, getTranslations } from "next-intl/server";
import { eventsFor, DIGEST_HOUR } from "@/lib/notifications/vocabulary";
import { requirePagePermission } from "@/lib/server/session";
import { getDateFormatter } from "@/lib/server/format";
import { getStaffProfile } from "@/db/notifications";
import { isTwoFactorOn } from "@/db/staff";
import { PageHeader } from "@/components/ui/page-header";
import { ProfileForm } from "./profile-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("title") };
}

/** The signed-in member's own page: who they are, the language of their emails and what Candor emails them about. */
export default async function ProfilePage() {
  const user = await requirePagePermission("profile:manage", "/admin/profile");
  const [t, tr, format, profile] = await Promise.all([
    getTranslations("profile"),
    getTranslations("roles"),
    getDateFormatter(),
    getStaffProfile(user.id),
  ]);
  const zone = await getTimeZone();
  const [t2, twoFactorOn] = await Promise.all([getTranslations("twoFactor"), isTwoFactorOn(user.id)]);
  // The digest's hour in the reader's words ("8:00 AM", "오전 8:00"), on the brand's clock.
  const digestAt = format.dateTime(new Date(Date.UTC(2000, 0, 1, DIGEST_HOUR)), { hour: "numeric", minute: "2-digit", timeZone: "UTC" });
  return (
    <div className="stack">
      <PageHeader title={t("title")} description={t("description")} />
      <section className="card stack" aria-labelledby="profile-who-h">
        <h2 id="profile-who-h">{t("whoHeading")}</h2>
        <dl className="facts">
          <dt>{t("name")}</dt>
          <dd>{profile.name}</dd>
          <dt>{t("email")}</dt>
          <dd>{profile.email}</dd>
          <dt>{t("role")}</dt>
          <dd>{tr(user.role)}</dd>
          <dt>{t2("profileLine")}</dt>
          <dd>
            {twoFactorOn ? t2("profileOn") : t2("profileOff")} · <a href="/admin/profile/two-factor">{t2("profileManage")}</a>
          </dd>
        </dl>
      </section>
      <ProfileForm events={eventsFor(user.role)} choices={profile.choices} locale={profile.locale} digestAt={digestAt} zone={zone} />
    </div>
  );
}
