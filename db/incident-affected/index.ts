import "server-only";
import { toAsync } from "../port";
import * as runs from "./runs";
import * as server from "./server";

// The affected people's port (db/README.md): what app/ and lib/server/ call. The notices (db/incident-notices) and
// the duties read the stored people through listAffectedRecipients and affectedCounts.
export const startAffectedRun = toAsync(runs.startAffectedRun);
export const getAffectedRun = toAsync(runs.getAffectedRun);
export const applyAffectedRun = toAsync(runs.applyAffectedRun);

export const getAffectedSummary = toAsync(server.getAffectedSummary);
export const affectedCounts = toAsync(server.affectedCounts);
export const listSelections = toAsync(server.listSelections);
export const listAffectedRecipients = toAsync(server.listAffectedRecipients);
export const listAffectedPeople = toAsync(server.listAffectedPeople);
export const listSelectablePurposes = toAsync(server.listSelectablePurposes);

export type { RunSnapshot, RunInput } from "./runs";
export type { AffectedSummary, AffectedSummaryRow, SelectionEntry, AffectedRecipient, AffectedPerson } from "./store";
export type { ListReport } from "./select";
