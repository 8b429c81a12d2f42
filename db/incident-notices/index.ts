import "server-only";
import type { RequestNoticeBatchInput } from "@/lib/incidents/notice-batches";
import { db } from "../client";
import { toAsync, toWriter } from "../port";
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

// On the caller's thread: it counts the incident's affected people and those not yet told inside its transaction (a
// pass over every one of them, 100,000 in the bench's incident), too long to hold the writer and the ingest behind it.
export const requestNoticeBatch = toAsync((input: RequestNoticeBatchInput, actor: Actor) => batches.requestNoticeBatch(db, input, actor));
// The other writes go through the writer thread when it is on (db/writer, issue 22); a batch is queued one slice
// (NOTICE_SLICE people) per write, so no slice holds the writer long.
export const decideNoticeBatch = toWriter(
  "incident-notices.decideNoticeBatch",
  (batchId: number, decision: "approve" | "decline", actor: Actor) => batches.decideNoticeBatch(db, batchId, decision, actor),
);
export const sendNoticeSlice = toWriter("incident-notices.sendNoticeSlice", (batchId: number) => batches.sendNoticeSlice(db, batchId));
export const endPublicNotice = toWriter("incident-notices.endPublicNotice", (id: number, actor: Actor) =>
  batches.endPublicNotice(db, id, actor),
);
