import { z } from "zod";
import { roles } from "../auth/roles";
import { locales } from "../i18n/config";

import { staffEmail as email, staffPassword } from "./schemas";

/** An administrator inviting a colleague: who, with which role, and the language of the invitation. */
export const inviteStaffSchema = z.object({
  name: z.string().trim().min(1, { error: "required" }).max(100, { error: "too-long" }),
  email,
  role: z.enum(roles, { error: "invalid-role" }),
  locale: z.enum(locales, { error: "invalid" }),
});

export const inviteIdSchema = z.object({ inviteId: z.coerce.number().int().positive() });

/** The invitee choosing their password (typed twice). */
export const acceptInviteSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    password: staffPassword,
    confirm: z.string().max(200, { error: "too-long" }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "passwords-differ" });

export type InviteStaffInput = z.infer<typeof inviteStaffSchema>;
