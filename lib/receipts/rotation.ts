import { z } from "zod";

/** The rotate button's form: it says what it asks for, so a stray or replayed post with nothing in it rotates nothing. */
export const rotateReceiptKeySchema = z.object({ intent: z.literal("rotate-receipt-key", { error: "invalid" }) }).strict();
