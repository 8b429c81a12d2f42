"use server";
import { revalidatePath } from "next/cache";
import { appiBreachTargetSchema } from "@/lib/incidents/clocks";
import { runAction, type ActionResult } from "@/lib/server/action";
import { setAppiBreachTarget } from "@/db/incident-duties";

/** Sets the brand's APPI preliminary target (privacy officers and administrators who handle incidents); audited. */
export async function saveAppiBreachTargetAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("incident:manage", appiBreachTargetSchema, form, async (input, user) => {
    await setAppiBreachTarget(input.appiBreachPreliminaryDays, user);
    revalidatePath("/admin/incidents", "layout");
    revalidatePath("/admin/privacy-ops");
    return { ok: true, message: "saved" };
  });
}
