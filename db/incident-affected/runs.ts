import "server-only";
import { randomUUID } from "node:crypto";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { emptyCounts, type AffectedApplyMode, type AffectedCriteria, type JurisdictionCounts } from "@/lib/incidents/affected";
import type { ParsedList } from "@/lib/incidents/affected-list";
import { db } from "../client";
import type { Actor } from "../staff/staff";
import { selectByCriteria, selectByList, type ListReport, type SelectionProgress, type SelectionResult } from "./select";
import type { ApplySelection } from "./store";

/**
 * A selection being worked out on the server (issue 21, deliverable 2). The officer's form starts one whenever the
 * criteria change and reads its progress until it is ready; applying it stores the people. The work runs in slices
 * with the event loop free between them (the server's one connection answers everyone meanwhile); the result is
 * held in memory for a while, so applying does not select again. A newer run of the same member and incident
 * stops the older one. Runs are kept on globalThis: route handlers and actions may be separate bundles.
 */

export type RunInput =
  { incidentId: number; source: "criteria"; criteria: AffectedCriteria } | { incidentId: number; source: "list"; list: ParsedList };

export type RunSnapshot = {
  id: string;
  incidentId: number;
  status: "running" | "ready" | "failed" | "stopped";
  /** Share of the work done, 0 to 1. */
  done: number;
  counts: JurisdictionCounts;
  found: number;
  elapsedMs: number;
  list: ListReport | null;
};

type Run = RunSnapshot & {
  ownerId: number;
  input: RunInput;
  startedAt: number;
  result: SelectionResult | null;
  /** Its people are being stored: a second apply (a double click) is refused until that ends. */
  applying?: boolean;
};

const KEEP_MS = 30 * 60_000;
const MAX_RUNS = 24;
/** How long one turn may hold the event loop before letting other requests in. */
const TURN_MS = 40;

const runs: Map<string, Run> = ((globalThis as { __candorAffectedRuns?: Map<string, Run> }).__candorAffectedRuns ??= new Map());

function prune(now: number) {
  for (const [id, run] of runs) if (run.status !== "running" && now - run.startedAt > KEEP_MS) runs.delete(id);
  while (runs.size >= MAX_RUNS) runs.delete(runs.keys().next().value!);
}

const snapshot = (run: Run): RunSnapshot => ({
  id: run.id,
  incidentId: run.incidentId,
  status: run.status,
  done: run.done,
  counts: run.counts,
  found: run.found,
  elapsedMs: run.elapsedMs,
  list: run.list,
});

/** Starts a selection for the member; their earlier run for the same incident stops. */
export function startAffectedRun(input: RunInput, owner: Actor): RunSnapshot {
  const now = Date.now();
  prune(now);
  for (const run of runs.values())
    if (run.ownerId === owner.id && run.incidentId === input.incidentId && run.status === "running") run.status = "stopped";
  const run: Run = {
    id: randomUUID(),
    incidentId: input.incidentId,
    ownerId: owner.id,
    input,
    status: "running",
    done: 0,
    counts: emptyCounts(),
    found: 0,
    elapsedMs: 0,
    list: null,
    startedAt: now,
    result: null,
  };
  runs.set(run.id, run);
  const work: Generator<SelectionProgress, SelectionResult> =
    input.source === "criteria" ? selectByCriteria(db, input.criteria) : selectByList(db, input.list);
  const turn = () => {
    if (run.status !== "running") return;
    try {
      const started = performance.now();
      for (;;) {
        const step = work.next();
        if (step.done) {
          Object.assign(run, { status: "ready", done: 1, counts: step.value.counts, found: step.value.people.length });
          Object.assign(run, { result: step.value, list: step.value.list ?? null, elapsedMs: Date.now() - run.startedAt });
          return;
        }
        Object.assign(run, {
          done: step.value.done,
          counts: step.value.counts,
          found: step.value.found,
          elapsedMs: Date.now() - run.startedAt,
        });
        if (performance.now() - started > TURN_MS) break;
      }
      setImmediate(turn);
    } catch (error) {
      run.status = "failed";
      console.error("affected selection failed", error);
    }
  };
  setImmediate(turn);
  return snapshot(run);
}

function ownRun(runId: string, incidentId: number, owner: Actor): Run {
  const run = runs.get(runId);
  // Another member's run, or another incident's, is as unknown as an expired one.
  if (!run || run.ownerId !== owner.id || run.incidentId !== incidentId) throw new NotFoundError("selection");
  return run;
}

/** Where the member's run stands. */
export function getAffectedRun(runId: string, incidentId: number, owner: Actor): RunSnapshot {
  return snapshot(ownRun(runId, incidentId, owner));
}

/**
 * A ready run's people as the selection to store (db/incident-affected/store.ts applySelection), the run marked as being
 * applied; settleRun(runId, stored) ends that: a stored run is forgotten, a failed one can be applied again.
 */
export function takeReadyRun(runId: string, incidentId: number, mode: AffectedApplyMode, owner: Actor): ApplySelection {
  const run = ownRun(runId, incidentId, owner);
  if (run.status !== "ready" || !run.result || run.applying) throw new ConflictError("selection-not-ready");
  run.applying = true;
  const { input, result } = run;
  return {
    incidentId,
    source: input.source,
    mode,
    criteria: input.source === "criteria" ? { ...input.criteria } : null,
    list: result.list ?? null,
    people: result.people,
    counts: result.counts,
    durationMs: run.elapsedMs,
  };
}

/** Ends an apply begun by takeReadyRun. */
export function settleRun(runId: string, stored: boolean): void {
  const run = runs.get(runId);
  if (!run) return;
  if (stored) runs.delete(runId);
  else run.applying = false;
}
