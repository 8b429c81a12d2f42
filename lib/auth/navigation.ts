import { can, type Permission } from "./permissions";
import type { Role } from "./roles";

export type NavItem = { href: string; label: string; permission: Permission };

/** The admin sections in menu order; `label` is a key in the "nav" catalog. */
export const navItems: readonly NavItem[] = [
  { href: "/admin/trust", label: "trust", permission: "trust-dashboard:read" },
  { href: "/admin/overview", label: "overview", permission: "overview:read" },
  { href: "/admin/consent-analytics", label: "consentAnalytics", permission: "consent-analytics:read" },
  { href: "/admin/purposes", label: "purposes", permission: "purpose:read" },
  { href: "/admin/data-map", label: "dataMap", permission: "purpose:read" },
  { href: "/admin/recipients", label: "recipients", permission: "recipient:read" },
  { href: "/admin/record-of-processing", label: "recordOfProcessing", permission: "record-of-processing:read" },
  // The review inbox also lists notice versions (notice:publish); purpose:review and notice:publish go together today.
  { href: "/admin/inbox", label: "inbox", permission: "purpose:review" },
  { href: "/admin/requests", label: "requests", permission: "request:read" },
  { href: "/admin/deliveries/tasks", label: "deliveryTasks", permission: "delivery:process" },
  { href: "/admin/privacy-ops", label: "privacyOps", permission: "privacy-ops:read" },
  { href: "/admin/incidents", label: "incidents", permission: "incident:read" },
  // Executives open the same register with counts and clocks only (no role holds both permissions).
  { href: "/admin/incidents", label: "incidents", permission: "incident:read-summary" },
  { href: "/admin/transparency", label: "transparency", permission: "transparency:read" },
  { href: "/admin/privacy-policy", label: "privacyPolicy", permission: "notice:publish" },
  { href: "/admin/subjects", label: "subjects", permission: "subject:read-pii" },
  { href: "/admin/outbox", label: "outbox", permission: "outbox:read" },
  { href: "/admin/audit", label: "audit", permission: "audit:read" },
  { href: "/admin/staff", label: "staff", permission: "staff:manage" },
  { href: "/admin/api-keys", label: "apiKeys", permission: "api-key:manage" },
  { href: "/admin/settings", label: "settings", permission: "settings:manage" },
];

const homes: Record<Role, string> = {
  marketing: "/admin/purposes",
  privacy_officer: "/admin/requests",
  executive: "/admin/trust",
  admin: "/admin/staff",
};

/** The sections a role may open; a role that can open none sees none. */
export function navFor(role: unknown): NavItem[] {
  return navItems.filter((item) => can(role, item.permission));
}

/** Where a role lands after signing in. */
export function homeFor(role: Role): string {
  return homes[role];
}
