import "server-only";
import { toAsync, toWriter } from "../port";
import * as subjects from "./subjects";

// The subjects port (db/README.md). Erasure and export run inside request fulfilment.
export const searchSubjects = toAsync(subjects.searchSubjects);
// Through the writer thread when it is on (db/writer, issue 22).
export const recordSubjectView = toWriter("subjects.recordSubjectView", subjects.recordSubjectView);
export const listSubjectRequests = toAsync(subjects.listSubjectRequests);

export type { Subject, SubjectRequest } from "../schema";
