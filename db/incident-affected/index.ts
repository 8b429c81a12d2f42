import "server-only";
import type { AffectedApplyMode } from "@/lib/incidents/affected";
import { db } from "../client";
import { toAsync, toWriter } from "../port";
import type { Actor } from "../staff/staff";
import * as runs from "./runs";
import * as server from "./server";
import { applySelection, type ApplySelection } from "./store";

// The affected people's port (db/README.md): what app/ and lib/server/ call. The notices (db/incident-notices) and
// the duties read the stored people through listAffectedRecipients and affectedCounts.
export const startAffectedRun = toAsync(runs.startAffectedRun);
export const getAffectedRun = toAsync(runs.getAffectedRun);

/** Up to this many people a selection is stored through the writer thread (about 30 ms; 101,699 took 0.3 s on the 10M store). */
const WRITER_APPLY_MAX = 10_000;
const applyOnWriter = toWriter("incident-affected.applySelection", (selection: ApplySelection, owner: Actor) =>
  applySelection(db, selection, owner),
);

/**
 * Stores a ready run's people as the incident's affected people (replacing them or adding to them). The run is held in
 * this thread's memory (./runs.ts), so only storing it goes through the writer thread when it is on (db/writer, issue
 * 22); a selection of more than WRITER_APPLY_MAX people is stored on the caller's thread instead, so no single write
 * holds the writer and the ingest behind it for long.
 */
export async function applyAffectedRun(runId: string, incidentId: number, mode: AffectedApplyMode, owner: Actor) {
  const selection = runs.takeReadyRun(runId, incidentId, mode, owner);
  try {
    const outcome =
      selection.people.length <= WRITER_APPLY_MAX ? await applyOnWriter(selection, owner) : applySelection(db, selection, owner);
    runs.settleRun(runId, true);
    return outcome;
  } catch (error) {
    runs.settleRun(runId, false);
    throw error;
  }
}

export const getAffectedSummary = toAsync(server.getAffectedSummary);
export const affectedCounts = toAsync(server.affectedCounts);
export const listSelections = toAsync(server.listSelections);
export const listAffectedRecipients = toAsync(server.listAffectedRecipients);
export const listAffectedPeople = toAsync(server.listAffectedPeople);
export const listSelectablePurposes = toAsync(server.listSelectablePurposes);

export type { RunSnapshot, RunInput } from "./runs";
export type { AffectedSummary, AffectedSummaryRow, SelectionEntry, AffectedRecipient, AffectedPerson } from "./store";
export type { ListReport } from "./select";
