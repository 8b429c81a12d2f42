import { z } from "zod";
import { roles } from "../auth/roles";

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "invalid-email" }));

export const signInSchema = z.object({
  email,
  password: z.string().min(1, { error: "required" }).max(200, { error: "too-long" }),
});

export const createStaffSchema = z.object({
  name: z.string().trim().min(1, { error: "required" }).max(100, { error: "too-long" }),
  email,
  role: z.enum(roles, { error: "invalid-role" }),
  password: z.string().min(12, { error: "password-too-short" }).max(200, { error: "too-long" }),
});

export const changeRoleSchema = z.object({
  userId: z.coerce.number().int().positive(),
  role: z.enum(roles, { error: "invalid-role" }),
});

export const setActiveSchema = z.object({
  userId: z.coerce.number().int().positive(),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export type CreateStaffInput = z.infer<typeof createStaffSchema>;
