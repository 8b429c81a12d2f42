import "server-only";
import { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { ForbiddenError, requirePermission, UnauthenticatedError, type CurrentUser } from "./session";

/** What every form action returns: field messages are catalog keys the form translates. */
export type ActionResult =
  | { ok: true; message?: string }
  | { ok: false; formError?: string; fieldErrors?: Record<string, string[] | undefined> };

export const idle: ActionResult = { ok: true };

/**
 * Authorizes, validates and runs one server action. A refusal or invalid
 * input comes back as a value the form shows; anything else is thrown and
 * handled by the segment's error boundary.
 */
export async function runAction<S extends z.ZodType>(
  permission: Permission,
  schema: S,
  form: FormData,
  body: (input: z.infer<S>, user: CurrentUser) => Promise<ActionResult> | ActionResult,
): Promise<ActionResult> {
  let user: CurrentUser;
  try {
    user = await requirePermission(permission);
  } catch (error) {
    if (error instanceof ForbiddenError) return { ok: false, formError: "forbidden" };
    if (error instanceof UnauthenticatedError) return { ok: false, formError: "signed-out" };
    throw error;
  }
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  }
  return body(parsed.data, user);
}
