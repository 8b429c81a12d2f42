import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { groupedSecret } from "@/lib/auth/totp";
import { twoFactorRoles } from "@/lib/auth/two-factor-policy";
import { getDateFormatter } from "@/lib/server/format";
import { requireStaffPage, TWO_FACTOR_PATH } from "@/lib/server/session";
import { pendingEnrolment } from "@/lib/server/two-factor";
import { countRecoveryCodesLeft, getBrandSettings, getTwoFactor } from "@/db/staff";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { SubmitButton } from "@/components/ui/submit-button";
import { cancelEnrolmentAction, startEnrolmentAction } from "./actions";
import { EnrolForm } from "./enrol-form";
import { CodeForms } from "./code-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("twoFactor"))("title") };
}

const searchSchema = z.object({
  required: z.literal("1").optional().catch(undefined),
  notice: z.literal("already-on").optional().catch(undefined),
});

/** Two-step verification for the signed-in member: set it up with an authenticator app, see its state, renew recovery codes, turn it off. */
export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireStaffPage(TWO_FACTOR_PATH, { enrolling: true });
  const { required, notice } = searchSchema.parse(await searchParams);
  const [t, format, brand, row] = await Promise.all([
    getTranslations("twoFactor"),
    getDateFormatter(),
    getBrandSettings(),
    getTwoFactor(user.id),
  ]);
  const on = Boolean(row?.enabledAt);
  const pending = on ? null : await pendingEnrolment(user, brand?.name ?? "Candor");
  const requiredOfMe = Boolean(brand?.requireTwoFactor) && twoFactorRoles.includes(user.role);
  return (
    <div className="stack">
      <PageHeader title={t("title")} description={t("description")} />
      {required && !on ? (
        <p className="alert warn" role="status">
          {t("requiredNotice")}
        </p>
      ) : null}
      {notice === "already-on" && on ? (
        <p className="alert warn" role="status">
          {t("alreadyOnNotice")}
        </p>
      ) : null}
      {pending ? null : (
        <section className="card stack" aria-labelledby="two-factor-state-h">
          <h2 id="two-factor-state-h">{t("stateHeading")}</h2>
          <p>
            {on ? <Badge tone="ok">{t("on")}</Badge> : <Badge tone="warn">{t("off")}</Badge>}{" "}
            {on && row?.enabledAt
              ? t("onSince", { date: format.dateTime(row.enabledAt, { dateStyle: "medium", timeStyle: "short" }) })
              : t("offBody")}
          </p>
          {on ? <p className="muted">{t("recoveryLeft", { count: await countRecoveryCodesLeft(user.id) })}</p> : null}
          {requiredOfMe ? <p className="muted">{t("requiredByBrand")}</p> : null}
        </section>
      )}
      {on ? <CodeForms canDisable={!requiredOfMe} /> : null}
      {!on && !pending ? (
        <form action={startEnrolmentAction} className="card stack" aria-labelledby="two-factor-start-h">
          <h2 id="two-factor-start-h">{t("startHeading")}</h2>
          <p>{t("startBody")}</p>
          <div>
            <SubmitButton>{t("start")}</SubmitButton>
          </div>
        </form>
      ) : null}
      {pending ? (
        <EnrolForm
          qrSrc={`data:image/svg+xml;base64,${Buffer.from(pending.qrSvg).toString("base64")}`}
          secret={groupedSecret(pending.secret)}
          account={user.email}
        >
          <form action={cancelEnrolmentAction}>
            <button type="submit" className="button secondary small">
              {t("cancel")}
            </button>
          </form>
        </EnrolForm>
      ) : null}
    </div>
  );
}
