import "server-only";
import { toAsync, toWriter } from "../port";
import * as versions from "./versions";
import * as workflow from "./workflow";

// The privacy policy port (db/README.md): what app/ and lib/server/ call; internal code uses the modules.
export const listPolicyVersions = toAsync(versions.listPolicyVersions);
export const getPolicyVersion = toAsync(versions.getPolicyVersion);
export const getPublishedPolicy = toAsync(versions.getPublishedPolicy);
export const countPolicyChangeMessages = toAsync(versions.countPolicyChangeMessages);

// The review workflow's writes go through the writer thread when it is on (db/writer, issue 22).
export const generatePolicyDraft = toWriter("policy.generatePolicyDraft", workflow.generatePolicyDraft);
export const savePolicyChange = toWriter("policy.savePolicyChange", workflow.savePolicyChange);
export const submitPolicyVersion = toWriter("policy.submitPolicyVersion", workflow.submitPolicyVersion);
// On the caller's thread: a refusal's audit entry is written outside the publication's transaction (the writer would
// undo it with the failed operation), and a material change queues a message to each person it concerns inside it.
export const publishPolicyVersion = toAsync(workflow.publishPolicyVersion);
export const returnPolicyVersion = toWriter("policy.returnPolicyVersion", workflow.returnPolicyVersion);

export type { PolicyVersionRow } from "./versions";
export type { PolicyChangeInput } from "./workflow";
export type { PolicyVersion } from "../schema";
