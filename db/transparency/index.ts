import "server-only";
import { toAsync } from "../port";
import * as reports from "./reports";

// The transparency port (db/README.md): what app/ and lib/server/ call; internal code uses the modules.
export const getLiveFigures = toAsync(reports.getLiveFigures);
export const publishReport = toAsync(reports.publishReport);
export const listReportVersions = toAsync(reports.listReportVersions);
export const getReportVersion = toAsync(reports.getReportVersion);
export const hasPublishedReport = toAsync(reports.hasPublishedReport);

export type { ReportVersion, PublishInput } from "./reports";
export type { TransparencyReport } from "../schema";
