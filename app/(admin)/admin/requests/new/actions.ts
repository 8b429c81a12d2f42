"use server";
import { publicBaseUrl } from "@/lib/server/base-url";
import { redirect } from "next/navigation";
import { createRequestSchema } from "@/lib/requests/fulfilment";
import { agentFieldsSchema, agentFromFields } from "@/lib/requests/agent";
import { runAction, type ActionResult } from "@/lib/server/action";
import { requestStatusLinker } from "@/lib/server/request-status";
import { createRequest, requestPolicy } from "@/db/requests";

export async function createRequestAction(_prev: ActionResult<number>, form: FormData): Promise<ActionResult<number>> {
  // Built once the officer is allowed: "not in the future" is measured against now, on the brand's clock.
  const schema = async () => createRequestSchema({ now: new Date(), timeZone: (await requestPolicy()).timeZone }).and(agentFieldsSchema);
  const result = await runAction("request:process", schema, form, async (i, user) => {
    const { request } = await createRequest(
      {
        ...i,
        email: i.email || undefined,
        externalId: i.externalId || undefined,
        name: i.name || undefined,
        details: i.details || undefined,
        agent: agentFromFields(i),
      },
      user,
      {
        receivedAt: i.receivedAt,
        lateEntryReason: i.lateReason,
        statusLink: await requestStatusLinker(),
        staffLinks: { baseUrl: await publicBaseUrl() },
      },
    );
    return { ok: true, data: request.id };
  });
  // redirect() throws, so it stays outside runAction's error handling.
  if (result.ok && result.data) redirect(`/admin/requests/${result.data}`);
  return result;
}
