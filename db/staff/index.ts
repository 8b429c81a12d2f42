import "server-only";
import { toAsync, toWriter } from "../port";
import * as apiKeys from "./api-keys-server";
import * as audit from "./audit";
import * as brand from "./brand";
import * as throttles from "./sign-in-throttles";
import * as staff from "./staff";
import * as twoFactor from "./two-factor";
import * as invites from "./invites";
import * as sessions from "./sessions";

// The staff port (db/README.md): what app/ and lib/server/ call; internal code uses the modules.
// Writes go through the writer thread when it is on (db/writer, issue 22); reads stay on the request thread.
export const listStaffUsers = toAsync(staff.listStaffUsers);
export const getStaffUserById = toAsync(staff.getStaffUserById);
export const getStaffUserByEmail = toAsync(staff.getStaffUserByEmail);
export const createStaffUser = toWriter("staff.createStaffUser", staff.createStaffUser);
export const changeStaffRole = toWriter("staff.changeStaffRole", staff.changeStaffRole);
export const setStaffActive = toWriter("staff.setStaffActive", staff.setStaffActive);
export const recordSignIn = toWriter("staff.recordSignIn", staff.recordSignIn);

export const getThrottle = toAsync(throttles.getThrottle);
export const saveThrottle = toWriter("staff.saveThrottle", throttles.saveThrottle);
export const clearThrottle = toWriter("staff.clearThrottle", throttles.clearThrottle);

export const getBrandSettings = toAsync(brand.getBrandSettings);
export const updateRequestPolicy = toWriter("staff.updateRequestPolicy", brand.updateRequestPolicy);
export const updateNoticeLanguages = toWriter("staff.updateNoticeLanguages", brand.updateNoticeLanguages);
export const updateConfirmationLimit = toWriter("staff.updateConfirmationLimit", brand.updateConfirmationLimit);
export const updateSuppressionK = toWriter("staff.updateSuppressionK", brand.updateSuppressionK);
export const updateTwoFactorRequirement = toWriter("staff.updateTwoFactorRequirement", brand.updateTwoFactorRequirement);

export const getTwoFactor = toAsync(twoFactor.getTwoFactor);
export const isTwoFactorOn = toAsync(twoFactor.isTwoFactorOn);
export const countRecoveryCodesLeft = toAsync(twoFactor.countRecoveryCodesLeft);
export const beginTwoFactor = toWriter("staff.beginTwoFactor", twoFactor.beginTwoFactor);
export const enableTwoFactor = toWriter("staff.enableTwoFactor", twoFactor.enableTwoFactor);
export const acceptTotpStep = toWriter("staff.acceptTotpStep", twoFactor.acceptTotpStep);
export const spendRecoveryCode = toWriter("staff.spendRecoveryCode", twoFactor.spendRecoveryCode);
export const renewRecoveryCodes = toWriter("staff.renewRecoveryCodes", twoFactor.renewRecoveryCodes);
export const removeTwoFactor = toWriter("staff.removeTwoFactor", twoFactor.removeTwoFactor);
export const listTwoFactorUsers = toAsync(twoFactor.listTwoFactorUsers);
export const cancelTwoFactorSetup = toWriter("staff.cancelTwoFactorSetup", twoFactor.cancelTwoFactorSetup);
export const getSessionMember = toAsync(sessions.getSessionMember);
export const endSessions = toWriter("staff.endSessions", sessions.endSessions);

export const getInvite = toAsync(invites.getInvite);
// On the caller's thread: each takes the function that writes the invitation's mail, which cannot cross to the writer.
export const createInvite = toAsync(invites.createInvite);
export const resendInvite = toAsync(invites.resendInvite);
export const revokeInvite = toWriter("staff.revokeInvite", invites.revokeInvite);
export const listPendingInvites = toAsync(invites.listPendingInvites);
export const findInviteByToken = toAsync(invites.findInviteByToken);
export const acceptInvite = toWriter("staff.acceptInvite", invites.acceptInvite);

export const createApiKey = toWriter("staff.createApiKey", apiKeys.createApiKey);
export const revokeApiKey = toWriter("staff.revokeApiKey", apiKeys.revokeApiKey);
export const listApiKeys = toAsync(apiKeys.listApiKeys);
export const findApiKey = toAsync(apiKeys.findApiKey);
const touchApiKeyAt = toWriter("staff.touchApiKey", apiKeys.touchApiKeyAt);
/** Notes a key's use: at most once a minute per key is it a write (the throttle stays on the request thread). */
export async function touchApiKey(id: number, now = Date.now()): Promise<void> {
  if (apiKeys.touchIsDue(id, now)) await touchApiKeyAt(id, now);
}

export const createAuditEntry = toWriter("staff.createAuditEntry", audit.createAuditEntry);
export const listAuditEntries = toAsync(audit.listAuditEntries);
export const listAuditActions = toAsync(audit.listAuditActions);
export const getAuditChainStatus = toAsync(audit.getAuditChainStatus);

export type { ApiKeyRow, CreatedApiKey, KeyActor, NewApiKey } from "./api-keys-server";
export type { AuditFilter } from "./audit";
export type { Actor } from "./staff";
export type { InviteLookup, InviteMail } from "./invites";
export type { ApiKey, AuditEntry, BrandSettings, StaffInvite, StaffTwoFactor, StaffUser } from "../schema";
