"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createRequestSchema } from "@/lib/requests/fulfilment";
import { runAction, type ActionResult } from "@/lib/server/action";
import { createRequest, requestPolicy } from "@/db/requests";

export async function createRequestAction(_prev: ActionResult<number>, form: FormData): Promise<ActionResult<number>> {
  // Built when the form is parsed (after the permission check): "not in the future" is measured against now, on the brand's clock.
  // The clock is read first, since the port is async and a schema is not; it is a setting, and nothing of it is answered.
  const { timeZone } = await requestPolicy();
  const schema = z.lazy(() => createRequestSchema({ now: new Date(), timeZone }));
  const result = await runAction("request:process", schema, form, async (i, user) => {
    const { request } = await createRequest(
      {
        ...i,
        email: i.email || undefined,
        externalId: i.externalId || undefined,
        name: i.name || undefined,
        details: i.details || undefined,
      },
      user,
      { receivedAt: i.receivedAt, lateEntryReason: i.lateReason },
    );
    return { ok: true, data: request.id };
  });
  // redirect() throws, so it stays outside runAction's error handling.
  if (result.ok && result.data) redirect(`/admin/requests/${result.data}`);
  return result;
}
