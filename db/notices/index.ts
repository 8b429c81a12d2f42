import "server-only";
import { toAsync } from "../port";
import * as notices from "./notices";
import * as workflow from "./workflow";

// The notices port (db/README.md): what app/ and lib/server/ call; internal code uses the modules.
export const listNoticeVersions = toAsync(notices.listNoticeVersions);
export const getNoticeVersion = toAsync(notices.getNoticeVersion);
export const listPublishedNotices = toAsync(notices.listPublishedNotices);
export const listPurposeTitles = toAsync(notices.listPurposeTitles);
export const lastSaleSharingChange = toAsync(notices.lastSaleSharingChange);

export const saveNoticeDraft = toAsync(workflow.saveNoticeDraft);
export const submitNoticeVersion = toAsync(workflow.submitNoticeVersion);
export const publishNoticeVersion = toAsync(workflow.publishNoticeVersion);
export const returnNoticeVersion = toAsync(workflow.returnNoticeVersion);

export type { NoticeVersionRow, PublicNotice } from "./notices";
export type { NoticeDraftInput } from "./workflow";
export type { NoticeVersion } from "../schema";
