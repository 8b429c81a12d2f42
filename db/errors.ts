// The domain errors live in lib/errors.ts (one definition, mapped once by lib/error-contract.ts);
// the store's modules still import them from here.
export { ConflictError, DuplicateError, NoticesMissingError, NotFoundError, SubjectConflictError } from "@/lib/errors";
