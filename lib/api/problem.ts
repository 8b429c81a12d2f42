import type { z } from "zod";

// RFC 9457 problem details: every API error has the same shape and a stable type URI.
export const PROBLEM_CONTENT_TYPE = "application/problem+json";
export const PROBLEM_BASE = "https://candor.dev/problems/";

export const problemTypes = {
  "malformed-json": { status: 400, title: "The request body is not valid JSON" },
  "invalid-parameter": { status: 400, title: "A query parameter is not valid" },
  unauthorized: { status: 401, title: "A valid API key is required" },
  forbidden: { status: 403, title: "This API key may not do that" },
  "sign-in-required": { status: 401, title: "Sign in to see this" },
  "not-permitted": { status: 403, title: "Your role may not see this" },
  "not-found": { status: 404, title: "Not found" },
  conflict: { status: 409, title: "The record's current state does not allow this" },
  duplicate: { status: 409, title: "A value that must be unique is already taken" },
  "payload-too-large": { status: 413, title: "The request body is too large" },
  "unsupported-media-type": { status: 415, title: "Send the body as application/json" },
  validation: { status: 422, title: "The request is not valid" },
  "batch-too-large": { status: 422, title: "Too many events in one batch" },
  rejected: { status: 422, title: "The event was not recorded" },
  "subject-conflict": { status: 422, title: "The identities given belong to different people" },
  refused: { status: 422, title: "A rule refuses this request" },
  "too-many-requests": { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Something went wrong on Candor's side" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemType = keyof typeof problemTypes;

/**
 * One thing wrong with the input: where (a JSON Pointer into the body and the dotted field, or the query
 * parameter), which event of a batch, and why.
 */
export type FieldError = { pointer?: string; parameter?: string; field: string; index?: number; code: string; detail: string };

export type Problem = { type: string; title: string; status: number; detail: string; instance?: string; errors?: FieldError[] };

/** A problem document of a known type. */
export function problem(type: ProblemType, detail: string, extra: { errors?: FieldError[]; instance?: string } = {}): Problem {
  const { status, title } = problemTypes[type];
  return { type: `${PROBLEM_BASE}${type}`, title, status, detail, ...extra };
}

/** The problem as an HTTP response; never cached, since it describes one request. */
export function problemResponse(p: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(p), {
    status: p.status,
    headers: { "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store", ...headers },
  });
}

type PathKey = PropertyKey;

/** RFC 6901 JSON Pointer for a path ("~" and "/" escaped). */
export function jsonPointer(path: readonly PathKey[]): string {
  return path.map((k) => `/${String(k).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

/** A path as people write it: subject.email, events[3].purpose. */
export function fieldName(path: readonly PathKey[]): string {
  let out = "";
  for (const k of path) out += typeof k === "number" ? `[${k}]` : out ? `.${String(k)}` : String(k);
  return out || "(body)";
}

function issueDetail(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && /received undefined/.test(issue.message)) return "This field is required.";
  return issue.message;
}

/**
 * Zod issues as field errors. `base` is where the validated value sits in the body
 * (["events", 3] for a batch event), so pointers address the body; `field` stays
 * relative to the event and `index` names the event.
 */
export function zodFieldErrors(error: z.ZodError, options: { base?: PathKey[]; index?: number } = {}): FieldError[] {
  const base = options.base ?? [];
  const at = (path: readonly PathKey[], code: string, detail: string): FieldError => ({
    pointer: jsonPointer([...base, ...path]),
    field: fieldName(path),
    ...(options.index === undefined ? {} : { index: options.index }),
    code,
    detail,
  });
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => at([...issue.path, key], issue.code, `"${key}" is not a field Candor knows here.`))
      : [at(issue.path, issue.code, issueDetail(issue))],
  );
}

/** Zod issues about a request's query string, each naming its parameter (no body, so no pointer). */
export function parameterErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const parameter = String(issue.path[0] ?? "(query)");
    return { parameter, field: parameter, code: issue.code, detail: issueDetail(issue) };
  });
}

/** A ledger refusal (its field is dotted, e.g. "subject.email") as a field error. */
export function rejectionFieldError(
  r: { field: string; code: string; detail: string },
  options: { base?: PathKey[]; index?: number } = {},
): FieldError {
  const path = r.field.split(".");
  return {
    pointer: jsonPointer([...(options.base ?? []), ...path]),
    field: r.field,
    ...(options.index === undefined ? {} : { index: options.index }),
    code: r.code,
    detail: r.detail,
  };
}

/** A one-line summary of field errors for `detail`, naming the first few. */
export function summarizeErrors(errors: FieldError[], max = 3): string {
  const named = errors.slice(0, max).map((e) => `${e.index === undefined ? "" : `event ${e.index}: `}${e.field}: ${e.detail}`);
  const more = errors.length > max ? ` (and ${errors.length - max} more)` : "";
  return `${named.join("; ")}${more}`;
}
