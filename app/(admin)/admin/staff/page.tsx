import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDateFormatter } from "@/lib/server/format";
import { requirePagePermission } from "@/lib/server/session";
import { INVITE_HOURS } from "@/lib/server/invites";
import { listPendingInvites, listStaffUsers, listTwoFactorUsers } from "@/db/staff";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";
import { InviteStaffForm } from "./invite-staff-form";
import { InviteRowActions } from "./invite-row-actions";
import { StaffRowActions } from "./staff-row-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("title") };
}

export default async function StaffPage() {
  const me = await requirePagePermission("staff:manage", "/admin/staff");
  const [t, tr, format] = await Promise.all([getTranslations("staff"), getTranslations("roles"), getDateFormatter()]);
  const [staff, invites, withTwoFactor] = await Promise.all([listStaffUsers(), listPendingInvites(), listTwoFactorUsers()]);
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="stack">
      <PageHeader title={t("title")} description={t("description")} />
      <InviteStaffForm hours={INVITE_HOURS} />
      {invites.length ? (
        <DataTable
          label={t("invitesCaption")}
          stacked
          rows={invites}
          rowKey={(i) => i.id}
          empty={{ title: t("invitesCaption") }}
          columns={[
            {
              key: "name",
              header: t("name"),
              cell: (i) => (
                <>
                  <strong>{i.name}</strong>
                  <div className="muted">{i.email}</div>
                </>
              ),
            },
            { key: "role", header: t("role"), cell: (i) => tr(i.role) },
            {
              key: "sent",
              header: t("inviteSent"),
              cell: (i) => (
                <>
                  {dateTime(i.sentAt)}
                  <div>
                    {i.expired ? (
                      <Badge tone="danger">{t("inviteExpired")}</Badge>
                    ) : (
                      <span className="muted">{t("inviteExpires", { at: dateTime(i.expiresAt) })}</span>
                    )}
                  </div>
                </>
              ),
            },
            { key: "actions", header: t("actions"), cell: (i) => <InviteRowActions inviteId={i.id} email={i.email} /> },
          ]}
        />
      ) : null}
      <DataTable
        label={t("tableCaption")}
        stacked
        rows={staff}
        rowKey={(u) => u.id}
        empty={{ title: t("emptyTitle"), body: t("emptyBody") }}
        columns={[
          {
            key: "name",
            header: t("name"),
            cell: (u) => (
              <>
                <strong>{u.name}</strong>
                <div className="muted">{u.email}</div>
              </>
            ),
          },
          { key: "role", header: t("role"), cell: (u) => tr(u.role) },
          {
            key: "status",
            header: t("status"),
            cell: (u) => (
              <>
                {u.active ? <Badge tone="ok">{t("active")}</Badge> : <Badge tone="danger">{t("inactive")}</Badge>}
                <div className="muted">{withTwoFactor.has(u.id) ? t("twoFactorOn") : t("twoFactorOff")}</div>
              </>
            ),
          },
          { key: "lastSignIn", header: t("lastSignIn"), cell: (u) => (u.lastSignInAt ? dateTime(u.lastSignInAt) : t("never")) },
          {
            key: "actions",
            header: t("actions"),
            cell: (u) =>
              u.id === me.id ? (
                <span className="muted">{t("you")}</span>
              ) : (
                <StaffRowActions userId={u.id} name={u.name} role={u.role} active={u.active} twoFactor={withTwoFactor.has(u.id)} />
              ),
          },
        ]}
      />
    </div>
  );
}
