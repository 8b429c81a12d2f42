import "server-only";
import { eq } from "drizzle-orm";
import type { RequestAgent } from "@/lib/requests/agent";
import { isOpen } from "@/lib/requests/vocabulary";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { db } from "../client";
import { requestAgents } from "../schema";
import type { Actor } from "../staff/staff";
import { systemNote } from "@/lib/requests/system-notes";
import { loadRequest, logRequestEvent } from "./workflow";

/** The authorised agent a request was made by, or null when the person asked for themselves. */
export function getRequestAgent(requestId: number): RequestAgent | null {
  const row = db.select().from(requestAgents).where(eq(requestAgents.requestId, requestId)).get();
  if (!row) return null;
  return {
    name: row.name,
    contact: row.contact,
    business: row.business,
    signedPermission: row.signedPermission,
    powerOfAttorney: row.powerOfAttorney,
    consumerVerifiedDirectly: row.consumerVerifiedDirectly,
    consumerConfirmedPermission: row.consumerConfirmedPermission,
  };
}

type Proof = Pick<RequestAgent, "signedPermission" | "powerOfAttorney" | "consumerVerifiedDirectly" | "consumerConfirmedPermission">;

/**
 * Records the proof an agent has since given (a signed permission received, a power of attorney seen, the consumer
 * asked directly), on an open request made by an agent; the timeline and audit log say what changed.
 */
export function recordAgentProof(requestId: number, proof: Proof, actor: Actor): RequestAgent {
  return db.$client
    .transaction(() => {
      const r = loadRequest(requestId);
      if (!isOpen(r.status)) throw new ConflictError("wrong-status");
      const before = getRequestAgent(requestId);
      if (!before) throw new NotFoundError("agent");
      db.update(requestAgents).set(proof).where(eq(requestAgents.requestId, requestId)).run();
      const changed = (Object.keys(proof) as (keyof Proof)[]).filter((k) => before[k] !== proof[k]);
      logRequestEvent(r, actor, {
        kind: "note",
        action: "request.agent-proof",
        note: systemNote("agent-proof-recorded"),
        details: { ...proof, changed },
      });
      return { ...before, ...proof };
    })
    .immediate();
}
