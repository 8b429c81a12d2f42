import { asc, eq } from "drizzle-orm";
import { perConnection } from "../prepared";
import { purposes } from "../schema";

/** The active purposes, oldest first: read on every public page and preference center request, so prepared once per connection. */
export const activePurposes = perConnection((d) =>
  d.select().from(purposes).where(eq(purposes.status, "active")).orderBy(asc(purposes.id)).prepare(),
);
