import "server-only";
import { toAsync, toReader } from "../port";
import * as consentAnalytics from "./consent-analytics";
import * as consentPurpose from "./consent-purpose";
import * as filter from "./filter";
import * as privacyOps from "./privacy-ops";
import * as trust from "./trust";

// The dashboards port (db/README.md): the dashboards' reads. The four aggregates run on the reader thread in the server
// (db/reader, issue 22): each reads a large share of the ledger's rollups and would otherwise hold the request thread.
export const getConsentAnalytics = toReader("dashboards.consentAnalytics", consentAnalytics.getConsentAnalytics);
export const getPurposeGrants = toReader("dashboards.purposeGrants", consentPurpose.getPurposeGrants);
export const getTrustDashboard = toReader("dashboards.trust", trust.getTrustDashboard);
export const getPrivacyOps = toReader("dashboards.privacyOps", privacyOps.getPrivacyOps);
export const listChoicePurposes = toAsync(filter.listChoicePurposes);
export const findPurposeByKey = toAsync(filter.findPurposeByKey);

export type { DashboardFilter, DashboardPurpose } from "./filter";
export type { ConsentAnalytics, PrivacyOps, PurposeGrants, TrustDashboard } from "@/lib/metrics/dashboard-types";
