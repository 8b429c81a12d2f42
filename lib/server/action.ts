import "server-only";
import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { actionFailureFor } from "@/lib/error-contract";
import { RateLimitedError, UnauthenticatedError } from "@/lib/errors";
import { formObject, invalidInput, type ActionResult } from "@/lib/forms";
import type { Subject } from "@/db/consent";
import { getPreferencesSubject } from "./preferences-session";
import { takeActionAddress, type AddressLimit } from "./rate-limits";
import { requirePermission, type CurrentUser } from "./session";

export type { ActionResult };

type Body<I, A, T> = (input: I, actor: A) => Promise<ActionResult<T>> | ActionResult<T>;
/** A schema, or how to build one from the store (a brand setting shapes it); built only once the caller is allowed. */
export type SchemaSource<S> = S | (() => S | Promise<S>);

const schemaFrom = async <S extends z.ZodType>(source: SchemaSource<S>): Promise<S> =>
  typeof source === "function" ? await source() : source;

/**
 * Runs the steps of an action and settles its outcome: a domain error (refused, conflict, not found…) comes
 * back as the form's ActionResult through the one error map; anything else, redirect() included, is thrown on.
 */
async function settle<T>(steps: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await steps();
  } catch (error) {
    const failure = actionFailureFor(error);
    if (failure) return failure;
    throw error;
  }
}

/** Validates the form against the schema, then runs the body; invalid input comes back as field messages. */
async function parsed<S extends z.ZodType, A, T>(schema: S, form: FormData, actor: A, body: Body<z.infer<S>, A, T>) {
  const result = schema.safeParse(formObject(form));
  return result.success ? body(result.data, actor) : invalidInput(result.error);
}

/**
 * A staff action: authorizes, validates and runs the body, which returns the result and any data the form
 * needs. A refusal, invalid input or a conflict with the record's state comes back as a value the form shows;
 * anything else is thrown and handled by the segment's error boundary.
 */
export async function runAction<S extends z.ZodType, T = void>(
  permission: Permission,
  schema: SchemaSource<S>,
  form: FormData,
  body: Body<z.infer<S>, CurrentUser, T>,
): Promise<ActionResult<T>> {
  return settle(async () => {
    const user = await requirePermission(permission);
    return parsed(await schemaFrom(schema), form, user, body);
  });
}

/** A public action with no session yet (asking for or entering a preference-center code). */
export async function runPublicAction<S extends z.ZodType, T = void>(
  schema: S,
  form: FormData,
  body: Body<z.infer<S>, null, T>,
): Promise<ActionResult<T>> {
  return settle(async () => parsed(schema, form, null, body));
}

/** Throws RateLimitedError (`code` names the limit for the form) once this client address has used up the limit. */
export async function limitAddress(kind: AddressLimit, code = "rate-limited"): Promise<void> {
  const outcome = await takeActionAddress(kind);
  if (!outcome.ok) throw new RateLimitedError(outcome.retryAfterSeconds, code);
}

/**
 * A preference-center action for the session's subject (never one named in the form): the subject first,
 * then the address's limit if any, then the input; the body gets the subject it may act for.
 */
export async function runSubjectAction<S extends z.ZodType, T = void>(
  schema: S,
  form: FormData,
  body: Body<z.infer<S>, Subject, T>,
  options: { limit?: AddressLimit } = {},
): Promise<ActionResult<T>> {
  return settle(async () => {
    const subject = await getPreferencesSubject();
    if (!subject) throw new UnauthenticatedError();
    if (options.limit) await limitAddress(options.limit);
    return parsed(schema, form, subject, body);
  });
}
