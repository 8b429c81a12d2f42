import type { Role } from "./roles";

/** The roles a brand may oblige to sign in with a second factor: those who read people's data or manage staff. */
export const twoFactorRoles: readonly Role[] = ["privacy_officer", "admin"];

/** Whether this member must have a second factor before opening any staff page. */
export function mustEnrolTwoFactor(role: Role, brandRequires: boolean, enabled: boolean): boolean {
  return brandRequires && !enabled && twoFactorRoles.includes(role);
}
