import { toLocalInput } from "../requests/receipt";
import type { Incident, IncidentLinks } from "./incident";

/** The register form's values as its inputs hold them: times on the brand's wall clock, ids as text. */
export type IncidentFormValues = {
  title: string;
  certainty: string;
  drill: boolean;
  awareAt: string;
  occurredFrom: string;
  occurredTo: string;
  natures: string[];
  cause: string;
  causeNote: string;
  dataCategories: string[];
  dataFacts: string[];
  encrypted: boolean;
  keyTaken: boolean;
  purposeIds: string[];
  recipientIds: string[];
  containment: string;
  remedial: string;
  risk: string;
  riskReason: string;
  peopleException: string;
  peopleExceptionReason: string;
  delayReason: string;
  delayNote: string;
};

/** A new incident's form: aware now (the officer usually records at once), confirmed, the rest to fill in. */
export function newIncidentFormValues(now: Date, timeZone: string): IncidentFormValues {
  return {
    title: "",
    certainty: "confirmed",
    drill: false,
    awareAt: toLocalInput(now, timeZone),
    occurredFrom: "",
    occurredTo: "",
    natures: [],
    cause: "external_attack",
    causeNote: "",
    dataCategories: [],
    dataFacts: [],
    encrypted: false,
    keyTaken: false,
    purposeIds: [],
    recipientIds: [],
    containment: "",
    remedial: "",
    risk: "risk",
    riskReason: "",
    peopleException: "",
    peopleExceptionReason: "",
    delayReason: "",
    delayNote: "",
  };
}

/** A stored incident as the edit form shows it. */
export function incidentFormValues(i: Incident & IncidentLinks, timeZone: string): IncidentFormValues {
  const local = (d: Date | null) => (d ? toLocalInput(d, timeZone) : "");
  return {
    title: i.title,
    certainty: i.certainty,
    drill: i.drill,
    awareAt: local(i.awareAt),
    occurredFrom: local(i.occurredFrom),
    occurredTo: local(i.occurredTo),
    natures: i.natures,
    cause: i.cause,
    causeNote: i.causeNote ?? "",
    dataCategories: i.dataCategories,
    dataFacts: i.dataFacts,
    encrypted: i.encrypted,
    keyTaken: i.keyTaken,
    purposeIds: i.purposeIds.map(String),
    recipientIds: i.recipientIds.map(String),
    containment: i.containment ?? "",
    remedial: i.remedial ?? "",
    risk: i.risk,
    riskReason: i.riskReason,
    peopleException: i.peopleException ?? "",
    peopleExceptionReason: i.peopleExceptionReason ?? "",
    delayReason: i.delayReason ?? "",
    delayNote: i.delayNote ?? "",
  };
}
