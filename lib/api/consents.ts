import { consentEventInputSchema, MAX_BATCH, type ConsentEventInput } from "../consent/events";
import { problem, rejectionFieldError, summarizeErrors, zodFieldErrors, type Problem } from "./problem";
import type { BatchResponse, ConsentResponse, RecordedEvent, RejectedEvent } from "./schemas";

/** What the ledger answers for one event (structurally db/consent/ledger's RecordResult; lib does not import db). */
export type LedgerOutcome =
  (RecordedEvent & { status: "stored" | "duplicate" }) | { index: number; status: "rejected"; code: string; field: string; detail: string };

export type GpcOutcome = { gpc: boolean; gpcOptOuts: number };

/** One event: its schema errors as a 422 problem, or the parsed input. */
export function validateEvent(body: unknown): { ok: true; input: ConsentEventInput } | { ok: false; problem: Problem } {
  const parsed = consentEventInputSchema.safeParse(body);
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors = zodFieldErrors(parsed.error);
  return { ok: false, problem: problem("validation", summarizeErrors(errors), { errors }) };
}

/** The HTTP answer for one recorded event: 201 stored, 200 an idempotent replay, 422 a ledger refusal. */
export function singleOutcome(
  outcome: LedgerOutcome,
  gpc: GpcOutcome,
): { status: 200 | 201; body: ConsentResponse } | { status: 422; problem: Problem } {
  if (outcome.status === "rejected") {
    const error = rejectionFieldError(outcome);
    return { status: 422, problem: problem("rejected", `${outcome.field}: ${outcome.detail}`, { errors: [error] }) };
  }
  return { status: outcome.status === "stored" ? 201 : 200, body: { ...outcome, index: 0, ...gpc } };
}

/** A batch over MAX_BATCH is refused whole, before anything is validated or stored. */
export function batchTooLarge(count: number): Problem | null {
  if (count <= MAX_BATCH) return null;
  return problem(
    "batch-too-large",
    `A batch holds at most ${MAX_BATCH.toLocaleString("en")} events; this one has ${count.toLocaleString("en")}. Nothing was stored: split it and send each part again.`,
  );
}

/** Splits a batch into events that pass the schema (with their positions) and those that do not. */
export function validateBatchEvents(events: unknown[]): { valid: { index: number; input: ConsentEventInput }[]; invalid: RejectedEvent[] } {
  const valid: { index: number; input: ConsentEventInput }[] = [];
  const invalid: RejectedEvent[] = [];
  events.forEach((event, index) => {
    const parsed = consentEventInputSchema.safeParse(event);
    if (parsed.success) valid.push({ index, input: parsed.data });
    else invalid.push({ index, status: "rejected", errors: zodFieldErrors(parsed.error, { base: ["events", index], index }) });
  });
  return { valid, invalid };
}

/**
 * The batch answer: ledger outcomes (indexed by position among the valid events) mapped
 * back to request positions, merged with schema rejections, in request order.
 */
export function batchOutcome(
  valid: { index: number }[],
  outcomes: LedgerOutcome[],
  invalid: RejectedEvent[],
  gpc: GpcOutcome,
): BatchResponse {
  const results: BatchResponse["results"] = [...invalid];
  for (const outcome of outcomes) {
    const index = valid[outcome.index].index;
    if (outcome.status === "rejected") {
      results.push({ index, status: "rejected", errors: [rejectionFieldError(outcome, { base: ["events", index], index })] });
    } else {
      results.push({ ...outcome, index });
    }
  }
  results.sort((a, b) => a.index - b.index);
  const count = (status: string) => results.filter((r) => r.status === status).length;
  return { stored: count("stored"), duplicates: count("duplicate"), rejected: count("rejected"), ...gpc, results };
}
