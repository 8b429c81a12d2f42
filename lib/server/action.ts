import "server-only";
import { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { formObject, type ActionResult } from "@/lib/forms";
import { ConflictError, DuplicateError, NoticesMissingError, NotFoundError, SubjectConflictError } from "@/db/errors";
import { ForbiddenError, requirePermission, UnauthenticatedError, type CurrentUser } from "./session";

export type { ActionResult };

/** The store's expected refusals, as values a form can show; null for anything unexpected. */
export function expectedFailure(error: unknown): ActionResult | null {
  if (error instanceof DuplicateError) return { ok: false, fieldErrors: { [error.field]: [`${error.field}-taken`] } };
  if (error instanceof NoticesMissingError) return { ok: false, formError: error.code, missingLocales: error.locales };
  if (error instanceof ConflictError) return { ok: false, formError: error.code };
  if (error instanceof SubjectConflictError)
    return { ok: false, fieldErrors: Object.fromEntries(error.fields.map((f) => [f, ["subject-conflict"]])) };
  if (error instanceof NotFoundError) return { ok: false, formError: "not-found" };
  return null;
}

/**
 * Authorizes, validates and runs one server action. A refusal, invalid input
 * or a conflict with the record's state comes back as a value the form
 * shows; anything else is thrown and handled by the segment's error boundary.
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
  const parsed = schema.safeParse(formObject(form));
  if (!parsed.success) {
    return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  }
  try {
    return await body(parsed.data, user);
  } catch (error) {
    const failure = expectedFailure(error);
    if (failure) return failure;
    throw error;
  }
}
