import { z } from "zod";
import { formCheckbox, formList } from "../forms";
import { dataCategories, type DataCategory } from "../purposes/vocabulary";
import { fromLocalInput } from "../requests/receipt";
import {
  incidentCauses,
  incidentCertainties,
  incidentDataFacts,
  incidentNatures,
  notificationDelayReasons,
  peopleNoticeExceptions,
  riskLevels,
  type IncidentCause,
  type IncidentCertainty,
  type IncidentDataFact,
  type IncidentNature,
  type IncidentStatus,
  type NotificationDelayReason,
  type PeopleNoticeException,
  type RiskLevel,
} from "./vocabulary";

/**
 * One incident of the breach register (issue 21) as every part of Candor reads it: the register, the clocks and
 * duties (lib/incidents/duties.ts), the drafts, the affected selection and the notices. Instants are Dates; the
 * clocks start at awareAt. The purposes and recipients involved are listed beside it (IncidentLinks).
 */
export type Incident = {
  id: number;
  /** INC-2026-0001. */
  reference: string;
  title: string;
  certainty: IncidentCertainty;
  /** A drill runs every step and nothing leaves for people or authorities. */
  drill: boolean;
  status: IncidentStatus;
  awareAt: Date;
  occurredFrom: Date | null;
  occurredTo: Date | null;
  natures: IncidentNature[];
  cause: IncidentCause;
  causeNote: string | null;
  dataCategories: DataCategory[];
  dataFacts: IncidentDataFact[];
  encrypted: boolean;
  keyTaken: boolean;
  containment: string | null;
  remedial: string | null;
  risk: RiskLevel;
  riskReason: string;
  peopleException: PeopleNoticeException | null;
  peopleExceptionReason: string | null;
  delayReason: NotificationDelayReason | null;
  delayNote: string | null;
  createdById: number;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
};

/** The purposes and recipients an incident involved, by id. */
export type IncidentLinks = { purposeIds: number[]; recipientIds: number[] };

/**
 * The steps an incident's timeline records. The register writes the first four; the affected selection, the
 * reports and the notices write theirs through the same timeline (db/incidents/timeline.ts). Labels live in the
 * "incidents" catalog under timeline.<kind>.
 */
export const incidentEventKinds = [
  "recorded",
  "edited",
  "closed",
  "reopened",
  "affected_selected",
  "report_drafted",
  "report_sent",
  "notice_batch_requested",
  "notice_batch_approved",
  "notice_batch_sent",
  "public_notice_published",
] as const;
export type IncidentEventKind = (typeof incidentEventKinds)[number];

/** The fields the register form saves; what changed between two of them is what an edit's timeline entry names. */
export const incidentFields = [
  "title",
  "certainty",
  "drill",
  "awareAt",
  "occurredFrom",
  "occurredTo",
  "natures",
  "cause",
  "causeNote",
  "dataCategories",
  "dataFacts",
  "encrypted",
  "keyTaken",
  "purposeIds",
  "recipientIds",
  "containment",
  "remedial",
  "risk",
  "riskReason",
  "peopleException",
  "peopleExceptionReason",
  "delayReason",
  "delayNote",
] as const;
export type IncidentField = (typeof incidentFields)[number];

/** The earliest awareness or occurrence the register takes; an earlier year is a typo. */
const EARLIEST_MS = Date.UTC(2000, 0, 1);

export type IncidentClock = { now: Date; timeZone: string };

const note = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "too-long" })
    .optional()
    .transform((v) => v || null);

const ids = formList(z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).positive({ error: "invalid" })).transform((xs) => [
  ...new Set(xs),
]);

function instant(clock: IncidentClock, required: boolean) {
  return z
    .string({ error: "invalid-time" })
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) {
        if (required) ctx.addIssue({ code: "custom", message: "required" });
        return null;
      }
      const at = fromLocalInput(value, clock.timeZone);
      if (!at) ctx.addIssue({ code: "custom", message: "invalid-time" });
      else if (at.getTime() < EARLIEST_MS) ctx.addIssue({ code: "custom", message: "too-early" });
      else if (at.getTime() > clock.now.getTime()) ctx.addIssue({ code: "custom", message: "future" });
      return at ?? null;
    });
}

/**
 * The register form (new and edit), read from FormData (formObject): times are datetime-local values on the brand's
 * wall clock. Error messages are catalog keys (incidents.errors.*). The rules that tie fields: the period ends after
 * it starts and before awareness is not required (a breach may be found while it goes on); a cause of "other", a
 * people-notice exception and a California delay each need a few words; the key can be taken only from encrypted data.
 */
export function registerIncidentSchema(clock: IncidentClock) {
  return z
    .object({
      title: z.string({ error: "required" }).trim().min(3, { error: "required" }).max(200, { error: "too-long" }),
      certainty: z.enum(incidentCertainties, { error: "required" }),
      drill: formCheckbox,
      awareAt: instant(clock, true),
      occurredFrom: instant(clock, false),
      occurredTo: instant(clock, false),
      natures: formList(z.enum(incidentNatures, { error: "invalid" })).refine((xs) => xs.length > 0, { error: "choose-one" }),
      cause: z.enum(incidentCauses, { error: "required" }),
      causeNote: note(2000),
      dataCategories: formList(z.enum(dataCategories, { error: "invalid" })).transform((xs) => [...new Set(xs)]),
      dataFacts: formList(z.enum(incidentDataFacts, { error: "invalid" })).transform((xs) => [...new Set(xs)]),
      encrypted: formCheckbox,
      keyTaken: formCheckbox,
      purposeIds: ids,
      recipientIds: ids,
      containment: note(4000),
      remedial: note(4000),
      risk: z.enum(riskLevels, { error: "required" }),
      riskReason: z.string({ error: "required" }).trim().min(3, { error: "required" }).max(4000, { error: "too-long" }),
      peopleException: z.preprocess((v) => (v === "" ? undefined : v), z.enum(peopleNoticeExceptions, { error: "invalid" }).optional()),
      peopleExceptionReason: note(2000),
      delayReason: z.preprocess((v) => (v === "" ? undefined : v), z.enum(notificationDelayReasons, { error: "invalid" }).optional()),
      delayNote: note(2000),
    })
    .superRefine(
      (v, ctx) => {
        const time = (d: unknown) => (d instanceof Date ? d.getTime() : null);
        const [from, to, aware] = [time(v.occurredFrom), time(v.occurredTo), time(v.awareAt)];
        if (from !== null && to !== null && to < from) ctx.addIssue({ code: "custom", message: "ends-before-start", path: ["occurredTo"] });
        if (from !== null && aware !== null && from > aware)
          ctx.addIssue({ code: "custom", message: "after-awareness", path: ["occurredFrom"] });
        if (v.cause === "other" && !v.causeNote) ctx.addIssue({ code: "custom", message: "cause-note-required", path: ["causeNote"] });
        if (v.keyTaken && !v.encrypted) ctx.addIssue({ code: "custom", message: "key-without-encryption", path: ["keyTaken"] });
        if (v.peopleException && (v.peopleExceptionReason?.length ?? 0) < 3)
          ctx.addIssue({ code: "custom", message: "reason-required", path: ["peopleExceptionReason"] });
        if (v.peopleException && v.risk !== "high_risk")
          ctx.addIssue({ code: "custom", message: "exception-needs-high-risk", path: ["peopleException"] });
        if (v.delayReason && (v.delayNote?.length ?? 0) < 3)
          ctx.addIssue({ code: "custom", message: "reason-required", path: ["delayNote"] });
      },
      // Also when a field failed, so every refusal shows at once rather than one round after another.
      { when: () => true },
    )
    .transform((v) => ({
      ...v,
      awareAt: v.awareAt as Date,
      peopleException: v.peopleException ?? null,
      peopleExceptionReason: v.peopleException ? v.peopleExceptionReason : null,
      delayReason: v.delayReason ?? null,
      delayNote: v.delayReason ? v.delayNote : null,
      // Without encryption there is no key to take; the form greys it out, the store never holds the pair.
      keyTaken: v.encrypted && v.keyTaken,
    }));
}

/** A valid register input: the incident's own fields and the purposes and recipients it involved. */
export type RegisterIncidentInput = z.output<ReturnType<typeof registerIncidentSchema>>;

/** The reference of the n-th incident recorded in a year: INC-2026-0001. */
export function incidentReference(year: number, n: number): string {
  return `INC-${year}-${String(n).padStart(4, "0")}`;
}

/** Which register fields differ between the stored incident and an edit (what the timeline and the audit name). */
export function changedIncidentFields(before: Incident & IncidentLinks, after: RegisterIncidentInput): IncidentField[] {
  const norm = (v: unknown): string => {
    if (v instanceof Date) return String(v.getTime());
    if (Array.isArray(v)) return JSON.stringify([...(v as unknown[])].map(String).sort());
    return JSON.stringify(v ?? null);
  };
  return incidentFields.filter((f) => norm(before[f]) !== norm(after[f]));
}
