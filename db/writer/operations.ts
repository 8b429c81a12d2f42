// Every domain's port, imported for what it declares: each `toWriter(name, operation)` in a db/<domain>/index.ts
// enters db/port.ts's declaredWrites, and that table is what the writer thread runs (issue 22). A domain's writes
// are declared once, beside its reads, and the writer cannot miss one (operations.test.ts checks every port is here).
import "../consent";
import "../dashboards";
import "../data-map";
import "../incident-affected";
import "../incident-duties";
import "../incident-notices";
import "../incident-reports";
import "../incidents";
import "../messages";
import "../notices";
import "../notifications";
import "../ops";
import "../policy";
import "../propagation";
import "../purposes";
import "../receipts";
import "../requests";
import "../search";
import "../staff";
import "../subjects";
import "../transparency";
import { declaredWrites } from "../port";
import type { WriteOperation } from "./group-commit";

/**
 * The operations the writer thread carries, by the name the port sends: each is the domain's synchronous operation,
 * run on the writer's connection inside a group transaction (db/writer/group-commit.ts), so its arguments and result
 * cross a thread (plain data and dates, no functions). Writes not declared with toWriter (those that take a function
 * or await the network between their steps) run on the caller's thread and meet the writer under SQLite's lock.
 */
export const writeOperations: Record<string, WriteOperation> = Object.fromEntries(declaredWrites) as Record<string, WriteOperation>;
