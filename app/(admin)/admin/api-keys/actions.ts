"use server";
import { revalidatePath } from "next/cache";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/api-keys/schemas";
import { runAction, type ActionResult } from "@/lib/server/action";
import { createApiKey, revokeApiKey } from "@/db/queries/api-keys";

/** The one moment a key's plaintext exists outside the caller's hands: this action's answer. */
export type NewKey = { name: string; kind: "secret" | "publishable"; plaintext: string };
export type CreateApiKeyState = ActionResult & { created?: NewKey };

export async function createApiKeyAction(_prev: CreateApiKeyState, form: FormData): Promise<CreateApiKeyState> {
  let created: NewKey | undefined;
  const result = await runAction("api-key:manage", createApiKeySchema, form, (input, user) => {
    const { key, plaintext } = createApiKey(input, user);
    created = { name: key.name, kind: key.kind, plaintext };
    revalidatePath("/admin/api-keys");
    return { ok: true, message: "created" };
  });
  return created ? { ...result, created } : result;
}

export async function revokeApiKeyAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("api-key:manage", revokeApiKeySchema, form, (input, user) => {
    revokeApiKey(input.keyId, user);
    revalidatePath("/admin/api-keys");
    return { ok: true, message: "revoked" };
  });
}
