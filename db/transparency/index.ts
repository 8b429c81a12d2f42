import "server-only";
import { toAsync, toWriter } from "../port";
import * as reports from "./reports";

// The transparency port (db/README.md): what app/ and lib/server/ call; internal code uses the modules.
export const getLiveFigures = toAsync(reports.getLiveFigures);
const storeReport = toWriter("transparency.storeReport", reports.storeReport);
/**
 * Publishes a year's report (reports.publishReport): the figures, a read of the whole year, are computed on the
 * caller's thread; only storing them goes through the writer thread when it is on (db/writer, issue 22).
 */
export async function publishReport(input: reports.PublishInput, actor: { id: number; email: string }) {
  return storeReport(input, await getLiveFigures(input.year), actor);
}
export const listReportVersions = toAsync(reports.listReportVersions);
export const getReportVersion = toAsync(reports.getReportVersion);
export const hasPublishedReport = toAsync(reports.hasPublishedReport);

export type { ReportVersion, PublishInput } from "./reports";
export type { TransparencyReport } from "../schema";
