"use server";
import { revalidatePath } from "next/cache";
import { changeRoleSchema, createStaffSchema, setActiveSchema } from "@/lib/staff/schemas";
import { runAction, type ActionResult } from "@/lib/server/action";
import { hashPassword } from "@/lib/server/passwords";
import {
  changeStaffRole,
  createStaffUser,
  DuplicateEmailError,
  NotFoundError,
  SelfChangeError,
  setStaffActive,
} from "@/db/queries/staff";

function expected(error: unknown): ActionResult | null {
  if (error instanceof DuplicateEmailError) return { ok: false, fieldErrors: { email: ["email-taken"] } };
  if (error instanceof NotFoundError) return { ok: false, formError: "not-found" };
  if (error instanceof SelfChangeError) return { ok: false, formError: "self-change" };
  return null;
}

export async function createStaffAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("staff:manage", createStaffSchema, form, async (input, user) => {
    const passwordHash = await hashPassword(input.password);
    try {
      createStaffUser({ name: input.name, email: input.email, role: input.role, passwordHash }, user);
    } catch (error) {
      const result = expected(error);
      if (result) return result;
      throw error;
    }
    revalidatePath("/admin/staff");
    return { ok: true, message: "created" };
  });
}

export async function changeRoleAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("staff:manage", changeRoleSchema, form, (input, user) => {
    try {
      changeStaffRole(input.userId, input.role, user);
    } catch (error) {
      const result = expected(error);
      if (result) return result;
      throw error;
    }
    revalidatePath("/admin/staff");
    return { ok: true, message: "role-changed" };
  });
}

export async function setActiveAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("staff:manage", setActiveSchema, form, (input, user) => {
    try {
      setStaffActive(input.userId, input.active, user);
    } catch (error) {
      const result = expected(error);
      if (result) return result;
      throw error;
    }
    revalidatePath("/admin/staff");
    return { ok: true, message: input.active ? "reactivated" : "deactivated" };
  });
}
