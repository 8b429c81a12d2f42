import "server-only";
import type { RequestNoticeBatchInput } from "@/lib/incidents/notice-batches";
import { db } from "../client";
import { toAsync } from "../port";
import * as batches from "./batches";
import * as reads from "./reads";
import { audienceCounts } from "./audience";

type Actor = { id: number; email: string };

// The notices port (db/README.md): notice batches to an incident's people, their approval and progress, the public
// notice for people without contact details (issue 21). The write paths add their steps to the incident's timeline.
export type { NoticeBatchView, PublicIncidentNotice } from "./reads";
export type { AudienceCount } from "./audience";
export type { IncidentNoticeBatch, IncidentPublicNotice, RenderedNotice } from "../schema";

export const getNoticeAudience = toAsync((incidentId: number) => audienceCounts(db, incidentId));
export const listNoticeBatches = toAsync((incidentId: number) => reads.listNoticeBatches(db, incidentId));
export const getNoticeBatch = toAsync((batchId: number) => reads.getNoticeBatch(db, batchId));
export const listSendingNoticeBatches = toAsync(() => reads.listSendingBatchIds(db));
export const listIncidentPublicNotices = toAsync((incidentId: number) => reads.listIncidentPublicNotices(db, incidentId));
export const listPublicIncidentNotices = toAsync(() => reads.listPublicNotices(db));

export const requestNoticeBatch = toAsync((input: RequestNoticeBatchInput, actor: Actor) => batches.requestNoticeBatch(db, input, actor));
export const decideNoticeBatch = toAsync((batchId: number, decision: "approve" | "decline", actor: Actor) =>
  batches.decideNoticeBatch(db, batchId, decision, actor),
);
export const sendNoticeSlice = toAsync((batchId: number) => batches.sendNoticeSlice(db, batchId));
export const endPublicNotice = toAsync((id: number, actor: Actor) => batches.endPublicNotice(db, id, actor));
