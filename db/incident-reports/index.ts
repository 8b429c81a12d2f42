import "server-only";
import { toAsync, toWriter } from "../port";
import * as inputs from "./inputs";
import * as reports from "./reports";

// The authority reports' port (db/README.md): the officer's report fields and the filings marked sent, each write
// with its incident timeline step and audit entry. The writes go through the writer thread when it is on (issue 22).
export const getReportAdditions = toAsync(reports.getReportAdditions);
export const listIncidentFilings = toAsync(reports.listIncidentFilings);
export const saveReportAdditions = toWriter("incident-reports.saveReportAdditions", reports.saveReportAdditions);
export const markReportSent = toWriter("incident-reports.markReportSent", reports.markReportSent);
export const getReportInputs = toAsync(inputs.readReportInputs);

export type { IncidentFiling, MarkReportSent } from "./reports";
export type { ReportInputs } from "./inputs";
