import "server-only";
import { toAsync } from "../port";
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

export const createIncident = toAsync(register.createIncident);
export const updateIncident = toAsync(register.updateIncident);
export const setIncidentStatus = toAsync(register.setIncidentStatus);

export type { IncidentDetail, IncidentPurposeRef, IncidentRecipientRef, IncidentFilter, IncidentChoices } from "./incidents";
export type { IncidentTimelineEntry } from "./timeline";
