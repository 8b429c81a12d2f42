import { z } from "zod";
import { formList } from "../forms";
import { jurisdictions, type Jurisdiction } from "../jurisdictions";
import type { DutyKind } from "./vocabulary";

/**
 * Notices to the people of an incident (issue 21, deliverable 4's people side). A batch is asked for, approved by a
 * second privacy officer when it reaches more than 100 people, then queued through the outbox a slice at a time; a
 * person without a contact address is told by a public notice instead.
 */

/** Where a batch stands. A drill's batch goes through the same steps; its people get a record and nothing leaves. */
export const noticeBatchStatuses = ["awaiting_approval", "sending", "sent", "declined"] as const;
export type NoticeBatchStatus = (typeof noticeBatchStatuses)[number];

/** How one person of a batch was told: a message through the outbox, or the public notice (no contact address). */
export const noticeChannels = ["email", "public"] as const;
export type NoticeChannel = (typeof noticeChannels)[number];

/** A batch to more than this many people waits for a second privacy officer's approval. */
export const APPROVAL_ABOVE = 100;

/** How many people a batch queues in one transaction: the progress moves a slice at a time and the writer is never held long. */
export const NOTICE_SLICE = 500;

/** PIPA Art. 34 with its Enforcement Decree (as amended in 2023): without contact details the notice stays on the website for at least 30 days. */
export const PUBLIC_NOTICE_MIN_DAYS = 30;
const DAY_MS = 86_400_000;

/** Whether a batch of this many people needs a second privacy officer. */
export function needsApproval(people: number): boolean {
  return people > APPROVAL_ABOVE;
}

/** Whether a member may approve a batch: never the one who asked for it (the four-eyes rule). */
export function mayApprove(batch: { requestedById: number; status: NoticeBatchStatus }, approverId: number): boolean {
  return batch.status === "awaiting_approval" && batch.requestedById !== approverId;
}

/** The first moment a public notice may be taken down. */
export function publicNoticeEarliestEnd(shownFrom: Date): Date {
  return new Date(shownFrom.getTime() + PUBLIC_NOTICE_MIN_DAYS * DAY_MS);
}

/** The people-notice duty a jurisdiction's notices meet (lib/incidents/vocabulary.ts dutyKinds). */
export const peopleDutyOf: Partial<Record<Jurisdiction, DutyKind>> = {
  EU: "gdpr_people",
  UK: "gdpr_people",
  KR: "pipa_people",
  JP: "appi_people",
  "US-CA": "ca_people",
};

/** A batch's progress as the tab shows it: people queued (or recorded, in a drill) and messages the outbox has sent. */
export type NoticeBatchProgress = { people: number; done: number; sent: number; failed: number; publicCount: number };

/** The share of a batch's people handled so far, 0 to 100. */
export function progressPercent(p: Pick<NoticeBatchProgress, "people" | "done">): number {
  return p.people === 0 ? 100 : Math.min(100, Math.floor((p.done * 100) / p.people));
}

const id = z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).positive({ error: "invalid" });

/** Asking for a batch: the incident and the jurisdictions whose affected people it tells (at least one). */
export const requestNoticeBatchSchema = z.object({
  incidentId: id,
  jurisdictions: formList(z.enum(jurisdictions, { error: "invalid" }))
    .transform((xs) => [...new Set(xs)])
    .refine((xs) => xs.length > 0, { error: "choose-one" }),
});
export type RequestNoticeBatchInput = z.output<typeof requestNoticeBatchSchema>;

/** Approving or declining a batch. */
export const decideNoticeBatchSchema = z.object({
  incidentId: id,
  batchId: id,
  decision: z.enum(["approve", "decline"], { error: "invalid" }),
});

/** Taking a public notice down (refused before its 30 days are over). */
export const endPublicNoticeSchema = z.object({ incidentId: id, publicNoticeId: id });
