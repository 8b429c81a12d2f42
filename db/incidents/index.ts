import "server-only";
import { toAsync, toWriter } from "../port";
import * as incidents from "./incidents";
import * as register from "./register";

// The breach register's port (db/README.md): what app/ and lib/server/ call. The other incident tabs' write paths
// add their steps to the timeline with appendIncidentEvent (./timeline.ts) inside their own transactions.
export const getIncident = toAsync(incidents.getIncident);
export const getIncidentByReference = toAsync(incidents.getIncidentByReference);
export const listIncidents = toAsync(incidents.listIncidents);
export const countIncidents = toAsync(incidents.countIncidents);
export const listIncidentTimeline = toAsync(incidents.listIncidentTimeline);
export const listIncidentChoices = toAsync(incidents.listIncidentChoices);

// The register's writes go through the writer thread when it is on (db/writer, issue 22).
export const createIncident = toWriter("incidents.createIncident", register.createIncident);
export const updateIncident = toWriter("incidents.updateIncident", register.updateIncident);
export const setIncidentStatus = toWriter("incidents.setIncidentStatus", register.setIncidentStatus);

export type { IncidentDetail, IncidentPurposeRef, IncidentRecipientRef, IncidentFilter, IncidentChoices } from "./incidents";
export type { IncidentTimelineEntry } from "./timeline";
