"use server";
import { revalidatePath } from "next/cache";
import { changeRoleSchema, setActiveSchema } from "@/lib/staff/schemas";
import { inviteIdSchema, inviteStaffSchema } from "@/lib/staff/invite-schemas";
import { resetTwoFactorSchema } from "@/lib/staff/two-factor-schemas";
import { runAction, type ActionResult } from "@/lib/server/action";
import { inviteStaff, resendStaffInvite } from "@/lib/server/invites";
import { changeStaffRole, removeTwoFactor, revokeInvite, setStaffActive } from "@/db/staff";

/** Invites a colleague by email; they choose their own password from the link (no password is handed over). */
export async function inviteStaffAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("staff:manage", inviteStaffSchema, form, async (input, user) => {
    await inviteStaff(input, user);
    revalidatePath("/admin/staff");
    return { ok: true, message: "invited" };
  });
}

export async function resendInviteAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("staff:manage", inviteIdSchema, form, async ({ inviteId }, user) => {
    await resendStaffInvite(inviteId, user);
    revalidatePath("/admin/staff");
    return { ok: true, message: "resent" };
  });
}

export async function revokeInviteAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("staff:manage", inviteIdSchema, form, async ({ inviteId }, user) => {
    await revokeInvite(inviteId, user);
    revalidatePath("/admin/staff");
    return { ok: true, message: "revoked" };
  });
}

/** Clears a colleague's second factor (a lost phone); they set it up again at their next sign-in if the brand requires it. */
export async function resetTwoFactorAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("staff:manage", resetTwoFactorSchema, form, async ({ userId }, user) => {
    await removeTwoFactor(userId, user, "admin-reset");
    revalidatePath("/admin/staff");
    return { ok: true, message: "two-factor-reset" };
  });
}

export async function changeRoleAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("staff:manage", changeRoleSchema, form, async (input, user) => {
    await changeStaffRole(input.userId, input.role, user);
    revalidatePath("/admin/staff");
    return { ok: true, message: "role-changed" };
  });
}

export async function setActiveAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("staff:manage", setActiveSchema, form, async (input, user) => {
    await setStaffActive(input.userId, input.active, user);
    revalidatePath("/admin/staff");
    return { ok: true, message: input.active ? "reactivated" : "deactivated" };
  });
}
