import "server-only";
import { getTranslations } from "next-intl/server";
import { newLinkToken } from "@/lib/auth/link-token";
import type { Locale } from "@/lib/i18n/config";
import { sealedLinkMarker } from "@/lib/outbox/sealed-links";
import { staffInviteMessage } from "@/lib/messages/staff-invite";
import type { InviteStaffInput } from "@/lib/staff/invite-schemas";
import { createInvite, getBrandSettings, getInvite, resendInvite, type StaffInvite } from "@/db/staff";
import { NotFoundError } from "@/lib/errors";
import { publicBaseUrl } from "./base-url";
import { sealSecret } from "./sealing";
import type { CurrentUser } from "./session";

/** How long an invitation link works. */
export const INVITE_HOURS = 72;

async function fresh() {
  const { token, hash } = newLinkToken();
  const link = `${await publicBaseUrl()}/invite/${token}`;
  return { tokenHash: hash, expiresAt: new Date(Date.now() + INVITE_HOURS * 3_600_000), link };
}

/** The invitation mail in the invitee's language; its link is sealed until the mailer sends it. */
async function mailFor(invite: Pick<StaffInvite, "name" | "role" | "locale">, link: string, inviter: CurrentUser) {
  const locale = invite.locale as Locale;
  const [brand, roles] = await Promise.all([getBrandSettings(), getTranslations({ locale, namespace: "roles" })]);
  return staffInviteMessage(locale, {
    brand: brand?.name ?? "Candor",
    name: invite.name,
    inviter: inviter.name,
    role: roles(invite.role),
    link: sealedLinkMarker(sealSecret(link)),
    hours: INVITE_HOURS,
  });
}

/** Invites a colleague: a one-time link that expires, mailed through the outbox; only the token's hash is stored. */
export async function inviteStaff(input: InviteStaffInput, actor: CurrentUser): Promise<StaffInvite> {
  const { link, ...token } = await fresh();
  const mail = await mailFor(input, link, actor);
  return createInvite({ ...input, ...token }, () => mail, actor);
}

/** Mails a waiting invitation again with a new link (the old one stops working) and a new expiry. */
export async function resendStaffInvite(inviteId: number, actor: CurrentUser): Promise<StaffInvite> {
  const invite = await getInvite(inviteId);
  if (!invite) throw new NotFoundError(String(inviteId));
  const { link, ...token } = await fresh();
  const mail = await mailFor(invite, link, actor);
  return resendInvite(inviteId, token, () => mail, actor);
}
