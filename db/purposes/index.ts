import "server-only";
import { toAsync, toWriter } from "../port";
import * as purposes from "./purposes";
import * as workflow from "./workflow";

// The purposes port (db/README.md): what app/ and lib/server/ call; internal code uses the modules.
export const listPurposes = toAsync(purposes.listPurposes);
export const countPurposesByStatus = toAsync(purposes.countPurposesByStatus);
export const getPurposeDetail = toAsync(purposes.getPurposeDetail);

// The review workflow's writes go through the writer thread when it is on (db/writer, issue 22).
export const createPurpose = toWriter("purposes.createPurpose", workflow.createPurpose);
export const savePurposeEdits = toWriter("purposes.savePurposeEdits", workflow.savePurposeEdits);
export const submitPurpose = toWriter("purposes.submitPurpose", workflow.submitPurpose);
export const approvePurpose = toWriter("purposes.approvePurpose", workflow.approvePurpose);
export const returnPurpose = toWriter("purposes.returnPurpose", workflow.returnPurpose);
export const retirePurpose = toWriter("purposes.retirePurpose", workflow.retirePurpose);

export type { PurposeDetail, PurposeListItem, PurposeRecipientView } from "./purposes";
export type { Purpose } from "../schema";
