// Every domain's port, imported (through the writer's table, which imports each) for what it declares: each
// `toReader(name, operation)` enters db/port.ts's declaredReads, and that table is what the reader thread runs.
import "../writer/operations";
import { declaredReads } from "../port";
import type { WriteOperation } from "../writer/group-commit";

/** The reads the reader thread carries, by the name the port sends: synchronous, plain data in and out. */
export const readOperations: Record<string, WriteOperation> = Object.fromEntries(declaredReads) as Record<string, WriteOperation>;
