import type { Jurisdiction } from "../../jurisdictions";
import type { Incident } from "../incident";
import type { DutyKind, FilingChannel } from "../vocabulary";

/** The duties a draft is written for: the reports to an authority (lib/incidents/vocabulary.ts authorityDutyKinds). */
export const reportKinds = ["gdpr_authority", "pipa_authority", "appi_preliminary", "appi_final", "ca_attorney_general"] as const;
export type ReportKind = (typeof reportKinds)[number] & DutyKind;

/** The incident's facts a draft reads (the register's fields). */
export type DraftIncident = Pick<
  Incident,
  | "reference"
  | "title"
  | "certainty"
  | "drill"
  | "awareAt"
  | "occurredFrom"
  | "occurredTo"
  | "natures"
  | "cause"
  | "causeNote"
  | "dataCategories"
  | "dataFacts"
  | "encrypted"
  | "keyTaken"
  | "containment"
  | "remedial"
  | "risk"
  | "riskReason"
  | "peopleException"
  | "peopleExceptionReason"
  | "delayReason"
  | "delayNote"
>;

/**
 * What the officer writes into a report that the register does not hold (db incident_report_drafts): what people
 * can do, the remedy procedure and the desk that takes reports of harm (PIPA Art. 34(1)), reasons for a late GDPR
 * report (Art. 33(1)), the public announcement (APPI Rules Art. 8(1)(vii)), other matters ((ix)), and California's
 * identity-theft prevention offer (§1798.82(d)(2)(G)). Every field is optional: an empty one is flagged where a law asks for it.
 */
export type ReportAdditions = {
  peopleCanDo?: string;
  remedyProcedure?: string;
  harmContact?: string;
  delayReasons?: string;
  publicAnnouncement?: string;
  otherMatters?: string;
  offer?: { provider: string; months: number; howToEnrol: string };
};

/** A report already marked sent (the filings), read for a staged or phased report's number. */
export type DraftFiling = { duty: ReportKind; sentAt: Date; channel: FilingChannel };

export type DraftInput = {
  incident: DraftIncident;
  /** Affected people per jurisdiction (the affected selection). */
  affected: Partial<Record<Jurisdiction, number>>;
  /** The brand as controller (brand settings and the privacy contact); null before they are filled in. */
  brand: { legalName: string; address: string; contactEmail: string; dpoEmail: string; dpoName: string | null; websiteUrl: string } | null;
  /** Names of the purposes and recipients involved, in the reader's language. */
  purposes: string[];
  recipients: string[];
  /** When people in each jurisdiction were told (the notice batches), if they were. */
  peopleNotifiedAt: Partial<Record<Jurisdiction, Date>>;
  additions: ReportAdditions;
  filings: DraftFiling[];
  /** The moment the draft is made (a late GDPR report carries its reasons). */
  now: Date;
};

/** Catalog lookup with values (next-intl's `t`), and dates in the brand's time zone. */
export type Words = (key: string, values?: Record<string, string | number>) => string;
export type DraftFormat = { dateTime: (d: Date) => string; date: (d: Date) => string; number: (n: number) => string };

/** Where a missing item is filled: the incident's form, the affected selection, brand settings, or the report's own fields. */
export type FillAt = "incident" | "affected" | "brand" | "report" | "notices";

/** One item the law names: filled with its value, or missing (value null) with where to fill it. */
export type DraftItem = { key: string; label: string; value: string | null; fillAt: FillAt; optional?: boolean };
export type DraftSection = { key: string; heading: string; items: DraftItem[] };
export type Draft = {
  duty: ReportKind;
  title: string;
  /** The provision it follows, e.g. "GDPR Art. 33(3)". */
  law: string;
  /** A drill's draft says so in its title and on every export. */
  drill: boolean;
  /** The report's number for this duty: 1, or 2+ for a later phase (GDPR Art. 33(4), PIPA staged report). */
  sequence: number;
  sections: DraftSection[];
};
