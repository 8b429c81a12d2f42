import "server-only";
import { db } from "../client";
import { toAsync, toWriter } from "../port";
import * as reads from "./reads";
import * as settings from "./settings";

// The breach duties' port (db/README.md): each incident's duties and clocks, the open incidents' nearest clocks, the
// duties the trust dashboard counts, and the brand's APPI preliminary target. On the server's connection.
export const getIncidentDuties = toAsync((id: number, now: Date) => reads.getIncidentDuties(db, id, now));
export const listOpenIncidentClocks = toAsync((now: Date) => reads.listOpenIncidentClocks(db, now));
export const getDutyBrand = toAsync(() => reads.dutyBrand(db));
// Through the writer thread when it is on (db/writer, issue 22).
export const setAppiBreachTarget = toWriter("incident-duties.setAppiBreachTarget", (days: number, actor: { id: number; email: string }) =>
  settings.setAppiBreachTarget(db, days, actor),
);

export type { OpenIncidentClock, DutyInputs } from "./reads";
