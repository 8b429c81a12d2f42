import { can } from "../auth/permissions";
import { navItems } from "../auth/navigation";
import type { TrustIndicatorId } from "./trust-score";

/** A view that explains an indicator: its menu section (a key in the shell's "nav" catalog) and the address to open. */
export type ExplainingView = { section: string; href: string };

/** Which menu section explains each indicator, and where in it to land. */
const explainedBy: Record<TrustIndicatorId, ExplainingView> = {
  optInRate: { section: "consentAnalytics", href: "/admin/consent-analytics" },
  withdrawalRate: { section: "consentAnalytics", href: "/admin/consent-analytics" },
  gpcHonoured: { section: "consentAnalytics", href: "/admin/consent-analytics" },
  onTime: { section: "privacyOps", href: "/admin/privacy-ops" },
  medianDaysToClose: { section: "privacyOps", href: "/admin/privacy-ops" },
  overdue: { section: "requests", href: "/admin/requests?overdue=1" },
  plainNotices: { section: "purposes", href: "/admin/purposes" },
  freshNotices: { section: "purposes", href: "/admin/purposes" },
  breachDutiesOnTime: { section: "privacyOps", href: "/admin/privacy-ops" },
};

/**
 * The views that explain the trust indicators, only those the role may open
 * (by the permission of the menu section they belong to); an indicator whose
 * view the role cannot open gets no link.
 */
export function explainingViews(role: unknown): Partial<Record<TrustIndicatorId, ExplainingView>> {
  const open = new Set(navItems.filter((item) => can(role, item.permission)).map((item) => item.label));
  return Object.fromEntries(Object.entries(explainedBy).filter(([, view]) => open.has(view.section)));
}
