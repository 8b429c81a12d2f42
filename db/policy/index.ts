import "server-only";
import { toAsync } from "../port";
import * as versions from "./versions";
import * as workflow from "./workflow";

// The privacy policy port (db/README.md): what app/ and lib/server/ call; internal code uses the modules.
export const listPolicyVersions = toAsync(versions.listPolicyVersions);
export const getPolicyVersion = toAsync(versions.getPolicyVersion);
export const getPublishedPolicy = toAsync(versions.getPublishedPolicy);
export const countPolicyChangeMessages = toAsync(versions.countPolicyChangeMessages);

export const generatePolicyDraft = toAsync(workflow.generatePolicyDraft);
export const savePolicyChange = toAsync(workflow.savePolicyChange);
export const submitPolicyVersion = toAsync(workflow.submitPolicyVersion);
export const publishPolicyVersion = toAsync(workflow.publishPolicyVersion);
export const returnPolicyVersion = toAsync(workflow.returnPolicyVersion);

export type { PolicyVersionRow } from "./versions";
export type { PolicyChangeInput } from "./workflow";
export type { PolicyVersion } from "../schema";
