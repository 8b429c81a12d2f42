import { z } from "zod";
import { parseQueueQuery, queueQuery } from "./filter";

/** A view's name fits a link above the queue. */
export const SAVED_VIEW_NAME_MAX_LENGTH = 40;
/** A staff member keeps at most this many views: a row of links, not a second queue. */
export const SAVED_VIEWS_MAX = 20;

/**
 * Saving the queue's filters under a name; the query is read through the queue's own schema and kept canonical.
 * A query with a text filter is refused on the `query` field ("has-text"): the text is often a person's email or
 * name, and a saved view must not keep a person's details (an erasure would leave them behind in it).
 */
export const saveQueueViewSchema = z.object({
  name: z
    .string({ error: "required" })
    .transform((v) => v.replace(/\p{Cc}/gu, " ").trim())
    .pipe(z.string().min(1, { error: "required" }).max(SAVED_VIEW_NAME_MAX_LENGTH, { error: "too-long" })),
  query: z
    .string()
    .max(2000)
    .catch("")
    .transform((q) => parseQueueQuery(q))
    .refine((filter) => filter.q === undefined, { error: "has-text" })
    .transform((filter) => queueQuery(filter)),
});
export type SaveQueueViewInput = z.infer<typeof saveQueueViewSchema>;

export const deleteQueueViewSchema = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});

/** The views offered on every queue beside the saved ones, each a query of the queue's filter. */
export const builtInQueueViews = [
  { key: "assigned", query: "assignee=me" },
  { key: "dueSoon", query: "dueSoon=1" },
  { key: "overdue", query: "overdue=1" },
] as const;
export type BuiltInQueueView = (typeof builtInQueueViews)[number]["key"];
