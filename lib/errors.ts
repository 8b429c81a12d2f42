// The domain's expected refusals, defined once. The store, the server glue and
// the route handlers throw them; one map (lib/error-contract.ts) turns each into
// a problem document for the API and an ActionResult for forms. Anything else
// thrown is unexpected: logged, and answered as a 500 or the error boundary.

/** A record the caller named does not exist; `what` names the kind of record, for logs. */
export class NotFoundError extends Error {
  constructor(public what: string) {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

/** The change is not allowed in the record's current state; `code` is a catalog key for the user ("wrong-status"). */
export class ConflictError extends Error {
  constructor(public code: string) {
    super(code);
    this.name = "ConflictError";
  }
}

/** A unique value is already taken; `field` names it. */
export class DuplicateError extends Error {
  constructor(public field: string) {
    super(`${field} already taken`);
    this.name = "DuplicateError";
  }
}

/** A purpose cannot go live yet: its notice is not published in each language its jurisdictions require. */
export class NoticesMissingError extends ConflictError {
  constructor(public locales: string[]) {
    super("notices-missing");
    this.name = "NoticesMissingError";
  }
}

/** The identities a request names belong to different people; `fields` are the ones that disagree. */
export class SubjectConflictError extends Error {
  constructor(public fields: ("email" | "externalId" | "subjectId")[]) {
    super(`${fields.join(" and ")} name different subjects`);
    this.name = "SubjectConflictError";
  }
}

/** Nobody is signed in. */
export class UnauthenticatedError extends Error {
  constructor() {
    super("Sign in first.");
    this.name = "UnauthenticatedError";
  }
}

/** The signed-in user's role lacks the permission (a string such as "notice:publish"). */
export class ForbiddenError extends Error {
  constructor(public permission: string) {
    super(`Missing permission ${permission}.`);
    this.name = "ForbiddenError";
  }
}

/**
 * A rule refuses this input (a wrong code, a guardian's name missing); `code` is a catalog key,
 * `field` the input it is about (a form shows it beside that field), `values` fill the message.
 */
export class RefusedError extends Error {
  constructor(
    public code: string,
    public field?: string,
    public values: Record<string, string | number> = {},
  ) {
    super(field ? `${field}: ${code}` : code);
    this.name = "RefusedError";
  }
}

/** Too many attempts; try again after `retryAfterSeconds`. `code` names the limit for the form's message. */
export class RateLimitedError extends Error {
  constructor(
    public retryAfterSeconds: number,
    public code = "rate-limited",
    public values: Record<string, string | number> = {},
  ) {
    super(`rate limited for ${retryAfterSeconds} s`);
    this.name = "RateLimitedError";
  }
}

/**
 * A privacy policy version cannot be sent for review or published while checklist items are missing; `items` names
 * each as "KR.officer". Defined here with the other refusals so it keeps its class across the writer thread.
 */
export class PolicyIncompleteError extends ConflictError {
  constructor(public items: string[]) {
    super("policy-incomplete");
    this.name = "PolicyIncompleteError";
  }
}
