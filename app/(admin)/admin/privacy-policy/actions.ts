"use server";
import { revalidatePath } from "next/cache";
import { NotFoundError } from "@/lib/errors";
import type { ActionResult } from "@/lib/forms";
import { PolicyIncompleteError } from "@/lib/policy/errors";
import { policyChangeSchema, policyGenerateSchema, policyReturnSchema, policyVersionIdSchema } from "@/lib/policy/schemas";
import { runAction } from "@/lib/server/action";
import { publicBaseUrl } from "@/lib/server/base-url";
import { livePolicy } from "@/lib/server/policy";
import {
  generatePolicyDraft,
  getPolicyVersion,
  getPublishedPolicy,
  publishPolicyVersion,
  returnPolicyVersion,
  savePolicyChange,
  submitPolicyVersion,
} from "@/db/policy";

type Told = Record<string, number>;

function done<T = void>(message: string, data?: T): ActionResult<T> {
  revalidatePath("/admin/privacy-policy");
  revalidatePath("/privacy");
  return data === undefined ? { ok: true, message } : { ok: true, message, data };
}

/** A refusal that names what is missing ("KR.officer,JP.complaints"); the form says each in the reader's words. */
async function naming<T>(run: () => Promise<ActionResult<T>>, code: string): Promise<ActionResult<T>> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof PolicyIncompleteError) return { ok: false, formError: code, values: { items: e.items.join(",") } };
    throw e;
  }
}

async function live() {
  const published = await getPublishedPolicy();
  return livePolicy(new Date(), published?.publishedAt ?? null);
}

export async function generatePolicyAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("notice:publish", policyGenerateSchema, form, async (_input, user) => {
    const { document } = await live();
    await generatePolicyDraft(document, user);
    return done("generated");
  });
}

export async function savePolicyChangeAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("notice:publish", policyChangeSchema, form, async ({ versionId, ...change }, user) => {
    await savePolicyChange(versionId, change, user);
    return done("savedChange");
  });
}

export async function submitPolicyAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("notice:publish", policyVersionIdSchema, form, async ({ versionId }, user) =>
    naming(async () => {
      const { missing } = await live();
      await submitPolicyVersion(versionId, missing, user);
      return done("submitted");
    }, "refusedSubmit"),
  );
}

export async function publishPolicyAction(_prev: ActionResult<Told>, form: FormData): Promise<ActionResult<Told>> {
  return runAction<typeof policyVersionIdSchema, Told>("notice:publish", policyVersionIdSchema, form, async ({ versionId }, user) =>
    naming<Told>(async () => {
      if (!(await getPolicyVersion(versionId))) throw new NotFoundError("policy version");
      const { document, missing } = await live();
      const { notified } = await publishPolicyVersion(versionId, { document, missing }, user, { baseUrl: await publicBaseUrl() });
      return done<Told>("publishedTold", { count: notified });
    }, "refused"),
  );
}

export async function returnPolicyAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("notice:publish", policyReturnSchema, form, async ({ versionId, comment }, user) => {
    await returnPolicyVersion(versionId, comment, user);
    return done("returned");
  });
}
