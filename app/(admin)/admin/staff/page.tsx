import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDateFormatter } from "@/lib/server/format";
import { requirePagePermission } from "@/lib/server/session";
import { INVITE_HOURS } from "@/lib/server/invites";
import { listPendingInvites, listStaffUsers, listTwoFactorUsers } from "@/db/staff";
import { PageHeader } from "@/components/ui/page-header";
import { TableWrap } from "@/components/ui/table-wrap";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
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
  return (
    <div className="stack">
      <PageHeader title={t("title")} description={t("description")} />
      <InviteStaffForm hours={INVITE_HOURS} />
      {invites.length ? (
        <TableWrap label={t("invitesCaption")}>
          <table>
            <caption className="visually-hidden">{t("invitesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("role")}</th>
                <th scope="col">{t("inviteSent")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {invites.map((i) => (
                <tr key={i.id}>
                  <td>
                    <strong>{i.name}</strong>
                    <div className="muted">{i.email}</div>
                  </td>
                  <td>{tr(i.role)}</td>
                  <td>
                    {format.dateTime(i.sentAt, { dateStyle: "medium", timeStyle: "short" })}
                    <div>
                      {i.expired ? (
                        <Badge tone="danger">{t("inviteExpired")}</Badge>
                      ) : (
                        <span className="muted">
                          {t("inviteExpires", { at: format.dateTime(i.expiresAt, { dateStyle: "medium", timeStyle: "short" }) })}
                        </span>
                      )}
                    </div>
                  </td>
                  <td>
                    <InviteRowActions inviteId={i.id} email={i.email} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <TableWrap label={t("tableCaption")}>
        <table>
          <caption className="visually-hidden">{t("tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("role")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("lastSignIn")}</th>
              <th scope="col">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((u) => (
              <tr key={u.id}>
                <td>
                  <strong>{u.name}</strong>
                  <div className="muted">{u.email}</div>
                </td>
                <td>{tr(u.role)}</td>
                <td>
                  {u.active ? <Badge tone="ok">{t("active")}</Badge> : <Badge tone="danger">{t("inactive")}</Badge>}
                  <div className="muted">{withTwoFactor.has(u.id) ? t("twoFactorOn") : t("twoFactorOff")}</div>
                </td>
                <td>{u.lastSignInAt ? format.dateTime(u.lastSignInAt, { dateStyle: "medium", timeStyle: "short" }) : t("never")}</td>
                <td>
                  {u.id === me.id ? (
                    <span className="muted">{t("you")}</span>
                  ) : (
                    <StaffRowActions userId={u.id} name={u.name} role={u.role} active={u.active} twoFactor={withTwoFactor.has(u.id)} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {staff.length === 0 ? <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState> : null}
      </TableWrap>
    </div>
  );
}
