"use server";
import { revalidatePath } from "next/cache";
import { deleteQueueViewSchema, saveQueueViewSchema } from "@/lib/requests/saved-views";
import { runAction, type ActionResult } from "@/lib/server/action";
import { createSavedQueueView, deleteSavedQueueView } from "@/db/requests";

// A saved view belongs to whoever is signed in: the staff id comes from the session, never from the form.

/** Saves the queue's current filters under a name, for the signed-in staff member only. */
export async function saveQueueViewAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("request:read", saveQueueViewSchema, form, async (input, user) => {
    await createSavedQueueView(user.id, input.name, input.query);
    revalidatePath("/admin/requests");
    return { ok: true, message: "saved" };
  });
}

/** Deletes one of the signed-in member's own views; someone else's id deletes nothing. */
export async function deleteQueueViewAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("request:read", deleteQueueViewSchema, form, async ({ id }, user) => {
    if (!(await deleteSavedQueueView(user.id, id))) return { ok: false, formError: "not-found" };
    revalidatePath("/admin/requests");
    return { ok: true, message: "deleted" };
  });
}
