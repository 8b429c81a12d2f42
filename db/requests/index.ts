import "server-only";
import { db } from "../client";
import { toAsync, toWriter } from "../port";
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
// Writes go through the writer thread when it is on (db/writer, issue 22); reads stay on the request thread.
// On the caller's thread: its options carry the status-link sealer, a function the writer cannot be sent.
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
export const createSavedQueueView = toWriter("requests.createSavedQueueView", savedViews.createSavedQueueView);
export const deleteSavedQueueView = toWriter("requests.deleteSavedQueueView", savedViews.deleteSavedQueueView);

export const getRequestDetail = toAsync(detail.getRequestDetail);
export const listRequestTimeline = toAsync(detail.listRequestTimeline);
export const listRequestMessages = toAsync(detail.listRequestMessages);
export const listRequestAssignees = toAsync(detail.listRequestAssignees);

export const loadRequest = toAsync(workflow.loadRequest);
export const requestPolicy = toAsync(workflow.requestPolicy);
export const startVerification = toWriter("requests.startVerification", workflow.startVerification);
export const checkRequestCode = toWriter("requests.checkRequestCode", workflow.checkRequestCode);
export const markVerified = toWriter("requests.markVerified", workflow.markVerified);
export const assignRequest = toWriter("requests.assignRequest", workflow.assignRequest);
export const extendRequest = toWriter("requests.extendRequest", workflow.extendRequest);
export const denyRequest = toWriter("requests.denyRequest", workflow.denyRequest);
export const addRequestNote = toWriter("requests.addRequestNote", workflow.addRequestNote);
// On the caller's thread (the daily job): it rejects every stale request in one go, unbounded, too long to hold the writer.
export const closeAbandonedRequests = toAsync(workflow.closeAbandonedRequests);
export const applyBulkAction = toWriter("requests.applyBulkAction", bulk.applyBulkAction);
export const getRequestAgent = toAsync(agents.getRequestAgent);
export const recordAgentProof = toWriter("requests.recordAgentProof", agents.recordAgentProof);

// On the caller's thread: completing takes the link sealer (a function), and an erasure empties the WAL, too long to hold the writer.
export const completeRequest = toAsync(fulfilment.completeRequest);
// On the caller's thread: it builds the person's whole export inside its transaction, too long to hold the writer.
export const openExport = toAsync(fulfilment.openExport);
export const rectifySubject = toWriter("requests.rectifySubject", rectification.rectifySubject);

export const createPreferencesCode = toWriter("requests.createPreferencesCode", codes.createPreferencesCode);
export const getPreferencesCode = toAsync(codes.getPreferencesCode);
export const countCodeAttempt = toWriter("requests.countCodeAttempt", codes.countCodeAttempt);
export const consumeCode = toWriter("requests.consumeCode", codes.consumeCode);
export const subjectUidOfCode = toAsync(codes.subjectUidOfCode);

export const enqueueMessage = toWriter("requests.enqueueMessage", outbox.enqueueMessage);
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
