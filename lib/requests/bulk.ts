import { z } from "zod";

/** What the queue can do to many requests at once (issue 16): the same steps a request page offers one at a time. */
export const bulkActions = ["assign", "note", "extend", "reject-duplicates"] as const;
export type BulkAction = (typeof bulkActions)[number];

/** At most this many requests in one bulk action: four pages of the queue, and one short write lock. */
export const MAX_BULK = 200;

const reason = z.string({ error: "required" }).trim().min(3, { error: "required" }).max(2000, { error: "too-long" });

/** The selected requests: 1 to MAX_BULK distinct ids (the queue's checkboxes send one "ids" each). */
const ids = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).positive({ error: "invalid" }))
    .min(1, { error: "none-selected" })
    .max(MAX_BULK, { error: "too-many" })
    .transform((list) => [...new Set(list)]),
);

/** "none" takes the requests off whoever holds them; otherwise a staff id. */
const assignee = z.union([z.literal("none"), z.coerce.number({ error: "assignee-invalid" }).int().positive()], {
  error: "assignee-invalid",
});

const confirm = z.literal("yes", { error: "confirm-required" });

/** One bulk action as the queue's form sends it, checked the same on the client and the server. */
export const bulkActionSchema = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("assign"), ids, assigneeId: assignee, confirm }),
    z.object({ action: z.literal("note"), ids, note: reason, confirm }),
    z.object({ action: z.literal("extend"), ids, reason, confirm }),
    z.object({ action: z.literal("reject-duplicates"), ids, reason, confirm }),
  ],
  { error: "action-required" },
);
export type BulkInput = z.infer<typeof bulkActionSchema>;

/** One request the bulk action changed or refused, by reference; `reason` is a catalog key (requestDetail.errors). */
export type BulkOutcome = { id: number; ref: string; reason?: string };
export type BulkResult = { action: BulkAction; done: BulkOutcome[]; refused: BulkOutcome[] };
