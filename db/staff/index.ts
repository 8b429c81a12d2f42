import "server-only";
import { toAsync } from "../port";
import * as apiKeys from "./api-keys-server";
import * as audit from "./audit";
import * as brand from "./brand";
import * as throttles from "./sign-in-throttles";
import * as staff from "./staff";
import * as twoFactor from "./two-factor";
import * as invites from "./invites";
import * as sessions from "./sessions";

// The staff port (db/README.md): what app/ and lib/server/ call; internal code uses the modules.
export const listStaffUsers = toAsync(staff.listStaffUsers);
export const getStaffUserById = toAsync(staff.getStaffUserById);
export const getStaffUserByEmail = toAsync(staff.getStaffUserByEmail);
export const createStaffUser = toAsync(staff.createStaffUser);
export const changeStaffRole = toAsync(staff.changeStaffRole);
export const setStaffActive = toAsync(staff.setStaffActive);
export const recordSignIn = toAsync(staff.recordSignIn);

export const getThrottle = toAsync(throttles.getThrottle);
export const saveThrottle = toAsync(throttles.saveThrottle);
export const clearThrottle = toAsync(throttles.clearThrottle);

export const getBrandSettings = toAsync(brand.getBrandSettings);
export const updateRequestPolicy = toAsync(brand.updateRequestPolicy);
export const updateNoticeLanguages = toAsync(brand.updateNoticeLanguages);
export const updateConfirmationLimit = toAsync(brand.updateConfirmationLimit);
export const updateSuppressionK = toAsync(brand.updateSuppressionK);
export const updateTwoFactorRequirement = toAsync(brand.updateTwoFactorRequirement);

export const getTwoFactor = toAsync(twoFactor.getTwoFactor);
export const isTwoFactorOn = toAsync(twoFactor.isTwoFactorOn);
export const countRecoveryCodesLeft = toAsync(twoFactor.countRecoveryCodesLeft);
export const beginTwoFactor = toAsync(twoFactor.beginTwoFactor);
export const enableTwoFactor = toAsync(twoFactor.enableTwoFactor);
export const acceptTotpStep = toAsync(twoFactor.acceptTotpStep);
export const spendRecoveryCode = toAsync(twoFactor.spendRecoveryCode);
export const renewRecoveryCodes = toAsync(twoFactor.renewRecoveryCodes);
export const removeTwoFactor = toAsync(twoFactor.removeTwoFactor);
export const listTwoFactorUsers = toAsync(twoFactor.listTwoFactorUsers);
export const cancelTwoFactorSetup = toAsync(twoFactor.cancelTwoFactorSetup);
export const getSessionMember = toAsync(sessions.getSessionMember);
export const endSessions = toAsync(sessions.endSessions);

export const getInvite = toAsync(invites.getInvite);
export const createInvite = toAsync(invites.createInvite);
export const resendInvite = toAsync(invites.resendInvite);
export const revokeInvite = toAsync(invites.revokeInvite);
export const listPendingInvites = toAsync(invites.listPendingInvites);
export const findInviteByToken = toAsync(invites.findInviteByToken);
export const acceptInvite = toAsync(invites.acceptInvite);

export const createApiKey = toAsync(apiKeys.createApiKey);
export const revokeApiKey = toAsync(apiKeys.revokeApiKey);
export const listApiKeys = toAsync(apiKeys.listApiKeys);
export const findApiKey = toAsync(apiKeys.findApiKey);
export const touchApiKey = toAsync(apiKeys.touchApiKey);

export const createAuditEntry = toAsync(audit.createAuditEntry);
export const listAuditEntries = toAsync(audit.listAuditEntries);
export const listAuditActions = toAsync(audit.listAuditActions);
export const getAuditChainStatus = toAsync(audit.getAuditChainStatus);

export type { ApiKeyRow, CreatedApiKey, KeyActor, NewApiKey } from "./api-keys-server";
export type { AuditFilter } from "./audit";
export type { Actor } from "./staff";
export type { InviteLookup, InviteMail } from "./invites";
export type { ApiKey, AuditEntry, BrandSettings, StaffInvite, StaffTwoFactor, StaffUser } from "../schema";
