import "server-only";
import { toAsync, toWriter } from "../port";
import * as consent from "./consent";
import * as rollups from "./rollups";
import * as widgetKeys from "./widget-keys";
import * as sensitiveLimits from "./sensitive-limits";

// The consent port (db/README.md): what app/ and lib/server/ call; internal code uses the modules.
// Through the writer thread when it is on (db/writer, issue 22): every ingest path (API, widget, preference center, GPC).
export const recordConsent = toWriter("consent.recordConsent", consent.recordConsent);
export const getSubjectByUid = toAsync(consent.getSubjectByUid);
export const getSubjectByEmail = toAsync(consent.getSubjectByEmail);
export const getSubjectConsents = toAsync(consent.getSubjectConsents);
export const listSubjectEvents = toAsync(consent.listSubjectEvents);
export const getSubjectEvent = toAsync(consent.getSubjectEvent);
export const getConsentTotals = toAsync(rollups.getConsentTotals);
export const getPublishableKeyByHash = toAsync(widgetKeys.getPublishableKeyByHash);
export const getSensitiveLimit = toAsync(sensitiveLimits.getSensitiveLimit);
export const listLimitablePurposes = toAsync(sensitiveLimits.listLimitablePurposes);

export type { PurposeConsent, RecordContext, RecordResult, SubjectEventRow } from "./consent";
export type { PublishableKey } from "./widget-keys";
export type { SensitiveLimitView } from "./sensitive-limits";
export type { Subject } from "../schema";
