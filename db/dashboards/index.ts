import "server-only";
import { toAsync } from "../port";
import * as consentAnalytics from "./consent-analytics";
import * as consentPurpose from "./consent-purpose";
import * as filter from "./filter";
import * as privacyOps from "./privacy-ops";
import * as trust from "./trust";

// The dashboards port (db/README.md): the dashboards' reads.
export const getConsentAnalytics = toAsync(consentAnalytics.getConsentAnalytics);
export const getPurposeGrants = toAsync(consentPurpose.getPurposeGrants);
export const getTrustDashboard = toAsync(trust.getTrustDashboard);
export const getPrivacyOps = toAsync(privacyOps.getPrivacyOps);
export const listChoicePurposes = toAsync(filter.listChoicePurposes);
export const findPurposeByKey = toAsync(filter.findPurposeByKey);

export type { DashboardFilter, DashboardPurpose } from "./filter";
export type { ConsentAnalytics, PrivacyOps, PurposeGrants, TrustDashboard } from "@/lib/metrics/dashboard-types";
