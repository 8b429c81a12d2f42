import { z } from "zod";
import { propagationEventSchema } from "../propagation/events";

// The recipients' side of the API (issue 14, deliverables 6 and 7): the pull feed's query and page, and a
// confirmation. The routes validate with these and the OpenAPI document is generated from them.

export const DEFAULT_FEED_LIMIT = 100;
export const MAX_FEED_LIMIT = 500;

/** Where a recipient's feed stands: whose feed, and the last delivery id read past. */
export type FeedPosition = { recipientId: number; deliveryId: number };

const CURSOR_PREFIX = "c1_";
export const MAX_CURSOR_LENGTH = 100;

/**
 * The cursor a recipient hands back: opaque to it (base64url behind a version prefix), so Candor may change
 * what it holds. It names its recipient, so a cursor from another feed is refused rather than misread.
 */
export function encodeFeedCursor(position: FeedPosition): string {
  return CURSOR_PREFIX + Buffer.from(`${position.recipientId}.${position.deliveryId}`, "utf8").toString("base64url");
}

/** The position a cursor holds, or null when it is not one Candor wrote. */
export function decodeFeedCursor(cursor: string): FeedPosition | null {
  if (cursor.length > MAX_CURSOR_LENGTH || !cursor.startsWith(CURSOR_PREFIX)) return null;
  const body = cursor.slice(CURSOR_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) return null;
  const match = /^([1-9]\d{0,15})\.(0|[1-9]\d{0,15})$/.exec(Buffer.from(body, "base64url").toString("utf8"));
  if (!match) return null;
  const [recipientId, deliveryId] = [Number(match[1]), Number(match[2])];
  if (!Number.isSafeInteger(recipientId) || !Number.isSafeInteger(deliveryId)) return null;
  // One text per position: a cursor re-encoded differently (padding, extra bits) is not one Candor wrote.
  return encodeFeedCursor({ recipientId, deliveryId }) === cursor ? { recipientId, deliveryId } : null;
}

const blankIsAbsent = (v: unknown) => (v === "" ? undefined : v);

/** GET /api/v1/changes's query: where to start (absent or empty: the beginning) and how many entries at most. */
export const feedQuerySchema = z.object({
  cursor: z.preprocess(
    blankIsAbsent,
    z
      .string()
      .transform((value, ctx) => {
        const position = decodeFeedCursor(value);
        if (!position) ctx.addIssue({ code: "custom", message: "This is not a cursor this feed gave: pass nextCursor as it came." });
        return position ?? z.NEVER;
      })
      .optional(),
  ),
  limit: z.preprocess(
    blankIsAbsent,
    z.coerce
      .number({ error: `A whole number from 1 to ${MAX_FEED_LIMIT}.` })
      .int({ error: `A whole number from 1 to ${MAX_FEED_LIMIT}.` })
      .min(1, { error: `A whole number from 1 to ${MAX_FEED_LIMIT}.` })
      .max(MAX_FEED_LIMIT, { error: `At most ${MAX_FEED_LIMIT} entries a page.` })
      .default(DEFAULT_FEED_LIMIT),
  ),
});

export const feedEntrySchema = z.object({
  deliveryId: z.string().meta({
    description:
      "This delivery's id: the webhook-id a webhook carries for it, the same each time it is read. Confirm it with POST /api/v1/deliveries/{deliveryId}/confirm.",
  }),
  event: propagationEventSchema,
});

export const feedPageSchema = z.object({
  changes: z.array(feedEntrySchema).meta({ description: "The recipient's events after the cursor, oldest first." }),
  nextCursor: z.string().meta({
    description:
      "Pass it as ?cursor= next time, once these changes are stored: reading with it marks every change up to it delivered. Until then the same changes come again (at least once).",
  }),
  hasMore: z.boolean().meta({ description: "True when more changes wait after this page: read again at once." }),
});

export const confirmationSchema = z.object({
  deliveryId: z.string(),
  state: z.literal("confirmed"),
  confirmedAt: z.iso.datetime().meta({ description: "When it was first confirmed; a second confirmation changes nothing." }),
});

export type FeedPageBody = z.infer<typeof feedPageSchema>;
export type ConfirmationBody = z.infer<typeof confirmationSchema>;
