"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createPurposeSchema, purposeFieldsSchema, purposeIdSchema, reviewCommentSchema } from "@/lib/purposes/schemas";
import { publicBaseUrl } from "@/lib/server/base-url";
import { runAction, type ActionResult } from "@/lib/server/action";
import { approvePurpose, createPurpose, retirePurpose, returnPurpose, savePurposeEdits, submitPurpose } from "@/db/purposes";

function done(purposeId: number, message: string) {
  revalidatePath("/admin/purposes");
  revalidatePath(`/admin/purposes/${purposeId}`);
  return { ok: true as const, message };
}

export async function createPurposeAction(_prev: ActionResult<number>, form: FormData): Promise<ActionResult<number>> {
  const result = await runAction("purpose:draft", createPurposeSchema, form, async (input, user) => {
    const { id } = await createPurpose(input, user);
    return { ...done(id, "created"), data: id };
  });
  // redirect() throws, so it stays outside runAction's error handling.
  if (result.ok && result.data) redirect(`/admin/purposes/${result.data}`);
  return result;
}

export async function savePurposeAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("purpose:draft", z.intersection(purposeIdSchema, purposeFieldsSchema), form, async (input, user) => {
    const { purposeId, ...fields } = input;
    const kind = await savePurposeEdits(purposeId, fields, user);
    return done(purposeId, kind === "draft" ? "saved" : "revision-saved");
  });
}

export async function submitPurposeAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("purpose:draft", purposeIdSchema, form, async ({ purposeId }, user) => {
    // Reviewers who asked to hear at once are told in the submit's transaction, with links to Candor's public address.
    await submitPurpose(purposeId, user, { baseUrl: await publicBaseUrl() });
    return done(purposeId, "submitted");
  });
}

export async function approvePurposeAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("purpose:review", purposeIdSchema, form, async ({ purposeId }, user) => {
    await approvePurpose(purposeId, user);
    return done(purposeId, "approved");
  });
}

export async function returnPurposeAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("purpose:review", reviewCommentSchema, form, async ({ purposeId, comment }, user) => {
    await returnPurpose(purposeId, comment, user);
    return done(purposeId, "returned");
  });
}

export async function retirePurposeAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("purpose:review", purposeIdSchema, form, async ({ purposeId }, user) => {
    await retirePurpose(purposeId, user);
    return done(purposeId, "retired");
  });
}
