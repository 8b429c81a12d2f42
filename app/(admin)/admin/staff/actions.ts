"use server";
import { revalidatePath } from "next/cache";
import { changeRoleSchema, createStaffSchema, setActiveSchema } from "@/lib/staff/schemas";
import { runAction, type ActionResult } from "@/lib/server/action";
import { hashPassword } from "@/lib/server/passwords";
import { changeStaffRole, createStaffUser, setStaffActive } from "@/db/staff";

export async function createStaffAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("staff:manage", createStaffSchema, form, async (input, user) => {
    const passwordHash = await hashPassword(input.password);
    await createStaffUser({ name: input.name, email: input.email, role: input.role, passwordHash }, user);
    revalidatePath("/admin/staff");
    return { ok: true, message: "created" };
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
