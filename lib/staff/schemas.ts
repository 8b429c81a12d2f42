import { z } from "zod";
import { roles } from "../auth/roles";

/** A staff member's email, compared in lower case. */
export const staffEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "invalid-email" }));
const email = staffEmail;

/** The password rule for staff accounts (the invitee chooses it, lib/staff/invite-schemas.ts). */
export const staffPassword = z.string().min(12, { error: "password-too-short" }).max(200, { error: "too-long" });

export const signInSchema = z.object({
  email,
  password: z.string().min(1, { error: "required" }).max(200, { error: "too-long" }),
});

export const changeRoleSchema = z.object({
  userId: z.coerce.number().int().positive(),
  role: z.enum(roles, { error: "invalid-role" }),
});

export const setActiveSchema = z.object({
  userId: z.coerce.number().int().positive(),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});
