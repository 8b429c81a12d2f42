import type { ConfirmationBody } from "@/lib/api/feed-schemas";
import { problem, problemResponse } from "@/lib/api/problem";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { deliveryUidSchema } from "@/lib/propagation/confirmation";
import { apiRoute, jsonResponse } from "@/lib/server/api";
import { authenticateRecipient } from "@/lib/server/recipient-auth";
import { confirmByRecipient } from "@/db/propagation";

type Context = { params: Promise<{ id: string }> };

const notFound = () =>
  problemResponse(problem("not-found", "You have no delivery with this id. Use the deliveryId (or webhook-id) Candor sent you."));

/**
 * POST /api/v1/deliveries/{id}/confirm — the calling recipient confirms it acted on one of its deliveries
 * (erased, corrected, stopped). 200 with when it was confirmed; the same answer again for a second call.
 * Another recipient's delivery is "not found", like an id that does not exist.
 */
export const POST = apiRoute(async (request: Request, { params }: Context) => {
  const caller = await authenticateRecipient(request);
  if (!caller.ok) return caller.response;
  const uid = deliveryUidSchema.safeParse((await params).id);
  if (!uid.success) return notFound();
  try {
    const confirmed = await confirmByRecipient({ recipientId: caller.value.recipientId, deliveryUid: uid.data });
    const body: ConfirmationBody = {
      deliveryId: confirmed.deliveryId,
      state: "confirmed",
      confirmedAt: confirmed.confirmedAt.toISOString(),
    };
    return jsonResponse(body);
  } catch (error) {
    if (error instanceof NotFoundError) return notFound();
    if (error instanceof ConflictError && error.code === "superseded")
      return problemResponse(
        problem("conflict", "A later delivery about the same person and purpose replaced this one: confirm that one instead."),
      );
    throw error;
  }
});
