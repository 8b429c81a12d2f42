import "server-only";
import { toAsync } from "../port";
import * as inputs from "./inputs";
import * as reports from "./reports";

// The authority reports' port (db/README.md): the officer's report fields and the filings marked sent, each write
// with its incident timeline step and audit entry.
export const getReportAdditions = toAsync(reports.getReportAdditions);
export const listIncidentFilings = toAsync(reports.listIncidentFilings);
export const saveReportAdditions = toAsync(reports.saveReportAdditions);
export const markReportSent = toAsync(reports.markReportSent);
export const getReportInputs = toAsync(inputs.readReportInputs);

export type { IncidentFiling, MarkReportSent } from "./reports";
export type { ReportInputs } from "./inputs";
