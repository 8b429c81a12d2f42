"use server";
import { revalidatePath } from "next/cache";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/api-keys/schemas";
import { runAction, type ActionResult } from "@/lib/server/action";
import type { ApiKeyKind } from "@/lib/api-keys/keys";
import { createApiKey, revokeApiKey } from "@/db/staff";

/** The one moment a key's plaintext exists outside the caller's hands: this action's answer. */
export type NewKey = { name: string; kind: ApiKeyKind; plaintext: string };
/** Creates a key; its plaintext is the result's data, shown once by the form. */
export async function createApiKeyAction(_prev: ActionResult<NewKey>, form: FormData): Promise<ActionResult<NewKey>> {
  return runAction("api-key:manage", createApiKeySchema, form, async (input, user) => {
    const { key, plaintext } = await createApiKey(input, user);
    revalidatePath("/admin/api-keys");
    return { ok: true, message: "created", data: { name: key.name, kind: key.kind, plaintext } };
  });
}

export async function revokeApiKeyAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("api-key:manage", revokeApiKeySchema, form, async (input, user) => {
    await revokeApiKey(input.keyId, user);
    revalidatePath("/admin/api-keys");
    return { ok: true, message: "revoked" };
  });
}
