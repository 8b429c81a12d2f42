"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  addEmailPathSchema,
  addWebhookPathSchema,
  pathRefSchema,
  recipientFieldsSchema,
  recipientIdSchema,
  updateRecipientSchema,
} from "@/lib/propagation/recipient-schemas";
import { can } from "@/lib/auth/permissions";
import { runAction, type ActionResult } from "@/lib/server/action";
import { checkEndpoint, endpointSettings } from "@/lib/server/endpoint-check";
import {
  addEmailPath,
  addFeedPath,
  addWebhookPath,
  createRecipient,
  disablePath,
  enablePath,
  rotateWebhookSecret,
  updateRecipient,
} from "@/db/propagation";

/** A secret or key that exists outside the store only in this answer: the page shows it once. */
export type ShownOnce = { kind: "webhook-secret" | "feed-key"; value: string };

// The registry's facts are "recipient:manage" (privacy officers and admins); a path decides where people's
// identifiers go, so adding, switching, rotating it is "recipient-path:manage" (privacy officers alone).

function changed(recipientId: number) {
  revalidatePath("/admin/recipients");
  revalidatePath(`/admin/recipients/${recipientId}`);
}

export async function createRecipientAction(_prev: ActionResult<number>, form: FormData): Promise<ActionResult<number>> {
  const result = await runAction("recipient:manage", recipientFieldsSchema, form, async (input, user) => {
    const { id } = await createRecipient(input, user);
    changed(id);
    return { ok: true, message: "created", data: id };
  });
  // redirect() throws, so it stays outside runAction's error handling.
  if (result.ok && result.data) redirect(`/admin/recipients/${result.data}`);
  return result;
}

export async function updateRecipientAction(_prev: ActionResult<number>, form: FormData): Promise<ActionResult<number>> {
  const result = await runAction("recipient:manage", updateRecipientSchema, form, async ({ recipientId, ...fields }, user) => {
    await updateRecipient(recipientId, fields, user, { managesPaths: can(user.role, "recipient-path:manage") });
    changed(recipientId);
    return { ok: true, message: "saved", data: recipientId };
  });
  if (result.ok && result.data) redirect(`/admin/recipients/${result.data}`);
  return result;
}

/** Adds a webhook once the SSRF guard accepts its endpoint; the signing secret comes back once. */
export async function addWebhookPathAction(_prev: ActionResult<ShownOnce>, form: FormData): Promise<ActionResult<ShownOnce>> {
  return runAction(
    "recipient-path:manage",
    () => addWebhookPathSchema(endpointSettings()),
    form,
    async (input, user) => {
      const { secret } = await addWebhookPath(input, user, checkEndpoint);
      changed(input.recipientId);
      return { ok: true, message: "webhook-added", data: { kind: "webhook-secret", value: secret } };
    },
  );
}

/** A new signing secret, shown once; the previous one keeps signing for 24 hours. */
export async function rotateWebhookSecretAction(_prev: ActionResult<ShownOnce>, form: FormData): Promise<ActionResult<ShownOnce>> {
  return runAction("recipient-path:manage", pathRefSchema, form, async (input, user) => {
    const { secret } = await rotateWebhookSecret(input, user);
    changed(input.recipientId);
    return { ok: true, message: "secret-rotated", data: { kind: "webhook-secret", value: secret } };
  });
}

/** Adds the pull feed with the recipient's own key, shown once. */
export async function addFeedPathAction(_prev: ActionResult<ShownOnce>, form: FormData): Promise<ActionResult<ShownOnce>> {
  return runAction("recipient-path:manage", recipientIdSchema, form, async (input, user) => {
    const { key } = await addFeedPath(input, user);
    changed(input.recipientId);
    return { ok: true, message: "feed-added", data: { kind: "feed-key", value: key } };
  });
}

export async function addEmailPathAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("recipient-path:manage", addEmailPathSchema, form, async (input, user) => {
    await addEmailPath(input, user);
    changed(input.recipientId);
    return { ok: true, message: "email-added" };
  });
}

export async function disablePathAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("recipient-path:manage", pathRefSchema, form, async (input, user) => {
    await disablePath(input, user);
    changed(input.recipientId);
    return { ok: true, message: "disabled" };
  });
}

/** Switches a path back on; a webhook's endpoint is checked again first, and a feed's new key comes back once. */
export async function enablePathAction(_prev: ActionResult<ShownOnce>, form: FormData): Promise<ActionResult<ShownOnce>> {
  return runAction("recipient-path:manage", pathRefSchema, form, async (input, user) => {
    const { key } = await enablePath(input, user, checkEndpoint);
    changed(input.recipientId);
    return { ok: true, message: "enabled", ...(key ? { data: { kind: "feed-key" as const, value: key } } : {}) };
  });
}
