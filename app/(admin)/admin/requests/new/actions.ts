"use server";
import { redirect } from "next/navigation";
import { createRequestSchema } from "@/lib/requests/fulfilment";
import { runAction, type ActionResult } from "@/lib/server/action";
import { createRequest } from "@/db/queries/request-intake";

export async function createRequestAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  let id = 0;
  const result = await runAction("request:process", createRequestSchema, form, (i, user) => {
    id = createRequest({ ...i, email: i.email || undefined, externalId: i.externalId || undefined, name: i.name || undefined, details: i.details || undefined }, user).request.id;
    return { ok: true };
  });
  // redirect() throws, so it stays outside runAction's error handling.
  if (result.ok && id) redirect(`/admin/requests/${id}`);
  return result;
}
