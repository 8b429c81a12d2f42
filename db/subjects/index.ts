import "server-only";
import { toAsync } from "../port";
import * as subjects from "./subjects";

// The subjects port (db/README.md). Erasure and export run inside request fulfilment.
export const searchSubjects = toAsync(subjects.searchSubjects);
export const recordSubjectView = toAsync(subjects.recordSubjectView);
export const listSubjectRequests = toAsync(subjects.listSubjectRequests);

export type { Subject, SubjectRequest } from "../schema";
