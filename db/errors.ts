/** A record the caller named does not exist. */
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
  }
}

/** The change is not allowed in the record's current state; `code` is a catalog key for the user. */
export class ConflictError extends Error {
  constructor(public code: string) {
    super(code);
  }
}

/** A unique value is already taken; `field` names it. */
export class DuplicateError extends Error {
  constructor(public field: string) {
    super(`${field} already taken`);
  }
}

/** A purpose cannot go live yet: its notice is not published in each language its jurisdictions require. */
export class NoticesMissingError extends ConflictError {
  constructor(public locales: string[]) {
    super("notices-missing");
  }
}

/** The identities a request names belong to different people; `fields` are the ones that disagree (email, externalId, subjectId). */
export class SubjectConflictError extends Error {
  constructor(public fields: ("email" | "externalId" | "subjectId")[]) {
    super(`${fields.join(" and ")} name different subjects`);
  }
}
