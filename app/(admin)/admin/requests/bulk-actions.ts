"use server";
import { revalidatePath } from "next/cache";
import { bulkActionSchema, type BulkResult } from "@/lib/requests/bulk";
import { runAction, type ActionResult } from "@/lib/server/action";
import { applyBulkAction } from "@/db/requests";

/**
 * The queue's bulk action: "request:process" first (privacy officers only), then zod (1 to 200 ids, the
 * action's own input, the confirmation), then one store call that checks each request, applies or refuses it,
 * and records it on its timeline and in the audit log. The result lists both, by reference.
 */
export async function bulkRequestsAction(_prev: ActionResult<BulkResult>, form: FormData): Promise<ActionResult<BulkResult>> {
  return runAction("request:process", bulkActionSchema, form, async (input, user): Promise<ActionResult<BulkResult>> => {
    const result = await applyBulkAction(input, user);
    revalidatePath("/admin/requests");
    return { ok: true, data: result };
  });
}
