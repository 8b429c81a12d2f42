"use server";
import { revalidatePath } from "next/cache";
import { profileFormSchema } from "@/lib/notifications/choices";
import { runAction, type ActionResult } from "@/lib/server/action";
import { getCurrentUser } from "@/lib/server/session";
import { saveStaffProfile } from "@/db/notifications";

/**
 * Saves the signed-in member's own email language and notification choices (audited). The schema is built
 * for their role once they are signed in: an event their role may not see is refused, not stored.
 */
export async function saveProfileAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const schema = async () => profileFormSchema((await getCurrentUser())?.role);
  return runAction("profile:manage", schema, form, async (input, user) => {
    await saveStaffProfile(user.id, input);
    revalidatePath("/admin/profile");
    return { ok: true, message: "saved" };
  });
}
