import "server-only";
import { db } from "../client";
import { toAsync } from "../port";
import * as agents from "./agents";
import * as bulk from "./bulk";
import * as detail from "./detail";
import * as fulfilment from "./fulfilment";
import * as intake from "./intake";
import * as outbox from "./outbox";
import { dispatchOutbox, type DispatchOptions, type DispatchResult, type Send } from "./outbox-dispatch";
import * as queue from "./queue";
import * as rectification from "./rectification";
import * as savedViews from "./saved-views";
import * as status from "./status";
import * as codes from "./verification-codes";
import * as workflow from "./workflow";

// The requests port (db/README.md): what app/ and lib/server/ call; internal code uses the modules.
export const createRequest = toAsync(intake.createRequest);
export const getRequestByRef = toAsync(intake.getRequestByRef);
export const getPublicRequestStatus = toAsync(status.getPublicRequestStatus);
export type { PublicRequestStatus } from "./status";
export const resolveRequestSubject = toAsync(intake.resolveRequestSubject);

export const listRequestQueue = toAsync(queue.listRequestQueue);
export const getRequestCounts = toAsync(queue.getRequestCounts);
export const listRequestJurisdictions = toAsync(queue.listRequestJurisdictions);
export const getMyQueueCounts = toAsync(queue.getMyQueueCounts);
export const listSavedQueueViews = toAsync(savedViews.listSavedQueueViews);
export const createSavedQueueView = toAsync(savedViews.createSavedQueueView);
export const deleteSavedQueueView = toAsync(savedViews.deleteSavedQueueView);

export const getRequestDetail = toAsync(detail.getRequestDetail);
export const listRequestTimeline = toAsync(detail.listRequestTimeline);
export const listRequestMessages = toAsync(detail.listRequestMessages);
export const listRequestAssignees = toAsync(detail.listRequestAssignees);

export const loadRequest = toAsync(workflow.loadRequest);
export const requestPolicy = toAsync(workflow.requestPolicy);
export const startVerification = toAsync(workflow.startVerification);
export const checkRequestCode = toAsync(workflow.checkRequestCode);
export const markVerified = toAsync(workflow.markVerified);
export const assignRequest = toAsync(workflow.assignRequest);
export const extendRequest = toAsync(workflow.extendRequest);
export const denyRequest = toAsync(workflow.denyRequest);
export const addRequestNote = toAsync(workflow.addRequestNote);
export const closeAbandonedRequests = toAsync(workflow.closeAbandonedRequests);
export const applyBulkAction = toAsync(bulk.applyBulkAction);
export const getRequestAgent = toAsync(agents.getRequestAgent);
export const recordAgentProof = toAsync(agents.recordAgentProof);

export const completeRequest = toAsync(fulfilment.completeRequest);
export const openExport = toAsync(fulfilment.openExport);
export const rectifySubject = toAsync(rectification.rectifySubject);

export const createPreferencesCode = toAsync(codes.createPreferencesCode);
export const getPreferencesCode = toAsync(codes.getPreferencesCode);
export const countCodeAttempt = toAsync(codes.countCodeAttempt);
export const consumeCode = toAsync(codes.consumeCode);
export const subjectUidOfCode = toAsync(codes.subjectUidOfCode);

export const enqueueMessage = toAsync(outbox.enqueueMessage);
export const listOutbox = toAsync(outbox.listOutbox);

/** Sends what the outbox has due through `send`, on the server's connection (the mailer's job). */
export function sendDueMessages(send: Send, options: DispatchOptions = {}): Promise<DispatchResult> {
  return dispatchOutbox(db, send, options);
}

export type { CompletionLinks, CompletionResult, ExportLookup } from "./fulfilment";
export type { IntakeOptions, IntakeResult, NewRequest } from "./intake";
export type { NewMessage, OutboxFilter } from "./outbox";
export type { DispatchOptions, DispatchResult, OutgoingMessage, Send } from "./outbox-dispatch";
export type { QueueCustomer, RequestFilter, RequestQueueRow } from "./queue";
export type { VerificationCode } from "./verification-codes";
export type { RequestActor } from "./workflow";
export type { OutboxMessage, RequestEvent, SubjectRequest } from "../schema";
