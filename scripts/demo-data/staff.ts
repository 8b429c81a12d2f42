import type { Role } from "@/lib/auth/roles";

/** The one password of every demo account (documented in the README; never use it outside a demo). */
export const demoPassword = "northtrail-demo";

export type DemoStaff = {
  email: string;
  name: string;
  role: Role;
  locale: string;
  /** How long before the anchor the account was created. */
  createdDaysAgo: number;
};

/** The demo brand's staff, one or two per role; ids follow this order, starting at 1. */
export const demoStaff: readonly DemoStaff[] = [
  { email: "admin@northtrail.example", name: "Avery Admin", role: "admin", locale: "en", createdDaysAgo: 960 },
  { email: "privacy@northtrail.example", name: "Priya Officer", role: "privacy_officer", locale: "en", createdDaysAgo: 955 },
  { email: "dpo@northtrail.example", name: "Daniel Kwon", role: "privacy_officer", locale: "ko", createdDaysAgo: 940 },
  { email: "marketing@northtrail.example", name: "Mina Marketer", role: "marketing", locale: "en", createdDaysAgo: 935 },
  { email: "growth@northtrail.example", name: "Kenji Sato", role: "marketing", locale: "ja", createdDaysAgo: 730 },
  { email: "exec@northtrail.example", name: "Elena Exec", role: "executive", locale: "en", createdDaysAgo: 600 },
];

/** The staff id of a demo account, by email. */
export function demoStaffId(email: string): number {
  const i = demoStaff.findIndex((s) => s.email === email);
  if (i < 0) throw new Error(`No demo staff member ${email}`);
  return i + 1;
}
