import { problem, type Problem } from "./api/problem";
import { subjectConflictProblem } from "./api/request-schemas";
import {
  ConflictError,
  DuplicateError,
  ForbiddenError,
  NoticesMissingError,
  NotFoundError,
  RateLimitedError,
  RefusedError,
  SubjectConflictError,
  UnauthenticatedError,
} from "./errors";
import type { ActionFailure } from "./forms";

/** A problem document with the headers that go with it (Retry-After). */
export type ProblemAnswer = { problem: Problem; headers?: Record<string, string> };

type Faces<E> = { problem: (error: E) => ProblemAnswer; action: (error: E) => ActionFailure };
type Rule = { matches: (error: unknown) => boolean; faces: Faces<never> };

function rule<E>(type: abstract new (...args: never[]) => E, faces: Faces<E>): Rule {
  return { matches: (error) => error instanceof type, faces: faces as Faces<never> };
}

// The API spells a request's identities inside its body's `subject` object.
const apiIdentity = { subjectId: "subject.id", externalId: "subject.externalId", email: "subject.email" } as const;
const seconds = (n: number) => `${n} second${n === 1 ? "" : "s"}`;

/**
 * The one map from domain errors to what callers see: each rule gives the API's problem document and
 * the form's ActionResult. A subclass comes before its parent (NoticesMissingError before ConflictError).
 */
const rules: Rule[] = [
  rule(UnauthenticatedError, {
    problem: () => ({ problem: problem("sign-in-required", "Sign in as a staff member first.") }),
    action: () => ({ ok: false, formError: "signed-out" }),
  }),
  rule(ForbiddenError, {
    problem: (e) => ({ problem: problem("not-permitted", `This needs the permission ${e.permission}.`) }),
    action: () => ({ ok: false, formError: "forbidden" }),
  }),
  rule(NotFoundError, {
    problem: (e) => ({ problem: problem("not-found", `The ${e.what} does not exist.`) }),
    action: () => ({ ok: false, formError: "not-found" }),
  }),
  rule(NoticesMissingError, {
    problem: (e) => ({ problem: problem("conflict", `Publish the notice in ${e.locales.join(", ")} first (${e.code}).`) }),
    action: (e) => ({ ok: false, formError: e.code, values: { locales: e.locales.join(",") } }),
  }),
  rule(ConflictError, {
    problem: (e) => ({ problem: problem("conflict", `The record's current state does not allow this (${e.code}).`) }),
    action: (e) => ({ ok: false, formError: e.code }),
  }),
  rule(DuplicateError, {
    problem: (e) => {
      const detail = `Another record already has this ${e.field}.`;
      return { problem: problem("duplicate", detail, { errors: [{ pointer: `/${e.field}`, field: e.field, code: "taken", detail }] }) };
    },
    action: (e) => ({ ok: false, fieldErrors: { [e.field]: [`${e.field}-taken`] } }),
  }),
  rule(SubjectConflictError, {
    problem: (e) => ({ problem: subjectConflictProblem(e.fields.map((f) => apiIdentity[f])) }),
    action: (e) => ({ ok: false, fieldErrors: Object.fromEntries(e.fields.map((f) => [f, ["subject-conflict"]])) }),
  }),
  rule(RefusedError, {
    problem: (e) => {
      const detail = e.field ? `${e.field}: ${e.code}` : e.code;
      const errors = e.field ? [{ pointer: `/${e.field.replaceAll(".", "/")}`, field: e.field, code: e.code, detail: e.code }] : undefined;
      return { problem: problem("refused", detail, errors ? { errors } : {}) };
    },
    action: (e) => ({
      ok: false,
      ...(e.field ? { fieldErrors: { [e.field]: [e.code] } } : { formError: e.code }),
      ...(Object.keys(e.values).length ? { values: e.values } : {}),
    }),
  }),
  rule(RateLimitedError, {
    problem: (e) => ({
      problem: problem("too-many-requests", `Too many requests. Try again in ${seconds(e.retryAfterSeconds)}.`),
      headers: { "Retry-After": String(e.retryAfterSeconds) },
    }),
    action: (e) => ({ ok: false, formError: e.code, values: { minutes: Math.max(1, Math.ceil(e.retryAfterSeconds / 60)), ...e.values } }),
  }),
];

const facesOf = (error: unknown) => rules.find((r) => r.matches(error))?.faces as Faces<unknown> | undefined;

/** The problem document for a domain error; null for anything unexpected (a 500). */
export function problemFor(error: unknown): ProblemAnswer | null {
  return facesOf(error)?.problem(error) ?? null;
}

/** The form's refusal for a domain error; null for anything unexpected (thrown on to the error boundary). */
export function actionFailureFor(error: unknown): ActionFailure | null {
  return facesOf(error)?.action(error) ?? null;
}
