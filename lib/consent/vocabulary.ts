/** Where a caller may say a consent event came from: the API, the widget and the preference center name one of these. */
export const callerConsentSources = ["banner", "preference_center", "api", "import", "call_center"] as const;
export type CallerConsentSource = (typeof callerConsentSources)[number];

/**
 * Every source the ledger stores: the callers' sources and "system", which marks
 * events Candor writes itself (an expiry, the withdrawals a completed request makes).
 */
export const consentSources = [...callerConsentSources, "system"] as const;
export type ConsentSource = (typeof consentSources)[number];

/** Events a caller may record; "expired" is only ever written by Candor itself. */
export const recordableEvents = ["granted", "denied", "withdrawn"] as const;
export type RecordableEvent = (typeof recordableEvents)[number];

/** Every event the ledger stores, and so every state a subject's consent to a purpose can be in. */
export const consentEventTypes = [...recordableEvents, "expired"] as const;
export type ConsentEventType = (typeof consentEventTypes)[number];

/** What the API answers for a subject and a purpose: the last event's state, or "none" before any. */
export const effectiveStates = [...consentEventTypes, "none"] as const;
export type EffectiveState = (typeof effectiveStates)[number];
