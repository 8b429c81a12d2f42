import { isRole, type Role } from "./roles";

export const permissions = [
  "overview:read",
  "profile:manage",
  "purpose:read",
  "purpose:draft",
  "purpose:review",
  "notice:draft",
  "notice:publish",
  "consent-analytics:read",
  "consent-analytics:read-exact",
  "trust-dashboard:read",
  "privacy-ops:read",
  "request:read",
  "request:process",
  "request:configure",
  "subject:read-pii",
  "audit:read",
  "outbox:read",
  "staff:manage",
  "api-key:manage",
  "settings:manage",
  "recipient:read",
  "recipient:manage",
  "recipient-path:manage",
  "delivery:process",
  "transparency:read",
  "transparency:publish",
  "data-map:manage",
  "record-of-processing:read",
  "incident:read",
  "incident:manage",
  "incident:approve",
  "incident:read-summary",
] as const;
export type Permission = (typeof permissions)[number];

/**
 * Who may do what. Anything not listed is denied. Personal data of subjects
 * ("subject:read-pii") is for the privacy officer alone, who handles requests. So is where it goes
 * ("recipient-path:manage": adding, re-enabling or switching off a recipient's webhook, feed or email path,
 * rotating its secret, or changing the contact address an email path writes to), since whoever holds a
 * path's endpoint or key receives people's identifiers; an admin keeps the registry's facts. Every member
 * keeps their own profile ("profile:manage": their email language and notification choices). Consent figures
 * below the brand's k are suppressed for everyone but the privacy officer ("consent-analytics:read-exact"),
 * who answers for the ledger anyway; marketing, executives and administrators read "< k" (issue 20).
 * The breach register (issue 21): privacy officers and administrators record and handle incidents
 * ("incident:read", "incident:manage"); a notice batch to more than 100 people needs a second privacy officer
 * ("incident:approve", never the member who asked for it); executives see counts and clocks, never people
 * ("incident:read-summary"); marketing sees nothing of it.
 */
const grants: Record<Role, readonly Permission[]> = {
  marketing: [
    "overview:read",
    "profile:manage",
    "purpose:read",
    "purpose:draft",
    "notice:draft",
    "consent-analytics:read",
    "recipient:read",
  ],
  privacy_officer: [
    "overview:read",
    "profile:manage",
    "purpose:read",
    "purpose:review",
    "notice:draft",
    "notice:publish",
    "consent-analytics:read",
    "consent-analytics:read-exact",
    "trust-dashboard:read",
    "privacy-ops:read",
    "request:read",
    "request:process",
    "request:configure",
    "subject:read-pii",
    "audit:read",
    "outbox:read",
    "recipient:read",
    "recipient:manage",
    "recipient-path:manage",
    "delivery:process",
    "transparency:read",
    "transparency:publish",
    "data-map:manage",
    "record-of-processing:read",
    "incident:read",
    "incident:manage",
    "incident:approve",
  ],
  executive: ["overview:read", "profile:manage", "purpose:read", "trust-dashboard:read", "incident:read-summary"],
  admin: [
    "overview:read",
    "profile:manage",
    "purpose:read",
    "consent-analytics:read",
    "trust-dashboard:read",
    "audit:read",
    "outbox:read",
    "staff:manage",
    "api-key:manage",
    "settings:manage",
    "transparency:read",
    "recipient:read",
    "recipient:manage",
    "data-map:manage",
    "record-of-processing:read",
    "incident:read",
    "incident:manage",
  ],
};

/** True only when a known role holds a known permission; everything else is denied. */
export function can(role: unknown, permission: unknown): boolean {
  if (!isRole(role) || typeof permission !== "string") return false;
  return (grants[role] as readonly string[]).includes(permission);
}

/** The permissions a role holds, in catalogue order. */
export function permissionsOf(role: unknown): Permission[] {
  return permissions.filter((p) => can(role, p));
}
