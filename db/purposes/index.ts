import "server-only";
import { toAsync } from "../port";
import * as purposes from "./purposes";
import * as workflow from "./workflow";

// The purposes port (db/README.md): what app/ and lib/server/ call; internal code uses the modules.
export const listPurposes = toAsync(purposes.listPurposes);
export const countPurposesByStatus = toAsync(purposes.countPurposesByStatus);
export const getPurposeDetail = toAsync(purposes.getPurposeDetail);

export const createPurpose = toAsync(workflow.createPurpose);
export const savePurposeEdits = toAsync(workflow.savePurposeEdits);
export const submitPurpose = toAsync(workflow.submitPurpose);
export const approvePurpose = toAsync(workflow.approvePurpose);
export const returnPurpose = toAsync(workflow.returnPurpose);
export const retirePurpose = toAsync(workflow.retirePurpose);

export type { PurposeDetail, PurposeListItem, PurposeRecipientView } from "./purposes";
export type { Purpose } from "../schema";
