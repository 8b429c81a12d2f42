import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { can, type Permission } from "@/lib/auth/permissions";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { isRole, type Role } from "@/lib/auth/roles";
import { sessionHolds, type SessionProof } from "@/lib/auth/session-validity";
import { createAuditEntry, getSessionMember } from "@/db/staff";
import { auth } from "./auth";
import { mustEnrol } from "./two-factor";

/** Where a member the brand obliges to use a second factor is sent until they have one. */
export const TWO_FACTOR_PATH = "/admin/profile/two-factor";

/** The brand requires a second factor of this member's role and they have none yet: refused like a missing permission, on every action and route. */
export class TwoFactorRequiredError extends ForbiddenError {
  constructor() {
    super("two-factor:enrolled");
  }
}

/** `twoFactorOn` is what the session read found, so the brand's rule need not read it again (lib/server/two-factor.ts). */
export type CurrentUser = { id: number; email: string; name: string; role: Role; twoFactorOn?: boolean; sessionId?: string };

/**
 * The signed-in staff member, read once per request. Role and active flag
 * come from the database, not the token, so a role change or deactivation
 * takes effect on the very next request. A session made before the member's
 * sessions were ended, or with the password alone while they have two-step on,
 * is no session (lib/auth/session-validity.ts).
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const user = await getSessionMember(id);
  if (!user || !user.active || !isRole(user.role) || !sessionHolds((session ?? {}) as SessionProof, user)) return null;
  const sid = (session as SessionProof).sid;
  return {
    ...{ id: user.id, email: user.email, name: user.name, role: user.role, twoFactorOn: user.twoFactorOn },
    ...(typeof sid === "string" ? { sessionId: sid } : {}),
  };
});

/** Throws unless the signed-in user holds the permission; a refusal is audited. */
export async function requirePermission(permission: Permission, target?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new UnauthenticatedError();
  if (await mustEnrol(user)) throw new TwoFactorRequiredError();
  if (!can(user.role, permission)) {
    await createAuditEntry({
      actorId: user.id,
      actorLabel: user.email,
      action: "access.denied",
      outcome: "denied",
      targetType: "permission",
      targetId: permission,
      details: { role: user.role, ...(target ? { target } : {}) },
    });
    throw new ForbiddenError(permission);
  }
  return user;
}

/** For pages: signed-out visitors go to sign-in, the rest get a 403 page. */
export async function requirePagePermission(permission: Permission, path: string): Promise<CurrentUser> {
  try {
    return await requirePermission(permission, path);
  } catch (error) {
    if (error instanceof UnauthenticatedError) redirect(`/login?next=${encodeURIComponent(path)}`);
    if (error instanceof TwoFactorRequiredError) redirect(`${TWO_FACTOR_PATH}?required=1`);
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
}

/**
 * For the few staff pages any signed-in member opens (their profile, setting up a second factor):
 * signed-out visitors go to sign-in; a member the brand obliges to use a second factor is sent to
 * set it up unless `enrolling` (the set-up page itself).
 */
export async function requireStaffPage(path: string, options: { enrolling?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(path)}`);
  if (!options.enrolling && (await mustEnrol(user))) redirect(`${TWO_FACTOR_PATH}?required=1`);
  return user;
}

/** For actions any signed-in member may take about themself; `enrolling` lets the set-up page's own actions through. */
export async function requireStaff(options: { enrolling?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new UnauthenticatedError();
  if (!options.enrolling && (await mustEnrol(user))) throw new TwoFactorRequiredError();
  return user;
}
