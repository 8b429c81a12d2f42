import "server-only";
import type { Jurisdiction } from "@/lib/jurisdictions";
import { db } from "../client";
import * as store from "./store";
import { loadSelectablePurposes } from "./select";

// The store's reads bound to the server's connection; store.ts takes a connection so the bench and tests run it on theirs.
export const getAffectedSummary = (incidentId: number) => store.getAffectedSummary(db, incidentId);
export const affectedCounts = (incidentId: number) => store.affectedCounts(db, incidentId);
export const listSelections = (incidentId: number) => store.listSelections(db, incidentId);
export const listAffectedRecipients = (incidentId: number, afterSubjectId?: number, limit?: number) =>
  store.listAffectedRecipients(db, incidentId, afterSubjectId, limit);
export const listAffectedPeople = (incidentId: number, page: { jurisdiction?: Jurisdiction; offset: number; limit: number }) =>
  store.listAffectedPeople(db, incidentId, page);
export const listSelectablePurposes = () => loadSelectablePurposes(db);
