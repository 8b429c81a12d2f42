import "server-only";
import { toAsync, toWriter } from "../port";
import * as notices from "./notices";
import * as workflow from "./workflow";

// The notices port (db/README.md): what app/ and lib/server/ call; internal code uses the modules.
export const listNoticeVersions = toAsync(notices.listNoticeVersions);
export const getNoticeVersion = toAsync(notices.getNoticeVersion);
export const listPublishedNotices = toAsync(notices.listPublishedNotices);
export const listPurposeTitles = toAsync(notices.listPurposeTitles);
export const lastSaleSharingChange = toAsync(notices.lastSaleSharingChange);

// The review workflow's writes go through the writer thread when it is on (db/writer, issue 22).
export const saveNoticeDraft = toWriter("notices.saveNoticeDraft", workflow.saveNoticeDraft);
export const submitNoticeVersion = toWriter("notices.submitNoticeVersion", workflow.submitNoticeVersion);
// On the caller's thread: a material change queues a message to every person who granted the purpose in the same
// transaction (an INSERT … SELECT over its grants), too long on a large store to hold the writer and the ingest behind it.
export const publishNoticeVersion = toAsync(workflow.publishNoticeVersion);
export const returnNoticeVersion = toWriter("notices.returnNoticeVersion", workflow.returnNoticeVersion);

export type { NoticeVersionRow, PublicNotice } from "./notices";
export type { NoticeDraftInput } from "./workflow";
export type { NoticeVersion } from "../schema";
