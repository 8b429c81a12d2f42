import { z } from "zod";

/**
 * An authorised agent acting for the consumer (CCPA 11 CCR §7063) and the proof the business asked for: the
 * consumer's signed permission, or a power of attorney under Probate Code §§4121–4130 (with which the business may
 * ask for nothing more, §7063(b)); and whether the consumer was also asked to verify their own identity directly or
 * to confirm directly that they gave the agent permission (§7063(a)(1)–(2)).
 */
export type RequestAgent = {
  name: string;
  contact: string;
  /** A business entity registered with the California Secretary of State (§7001 "authorized agent"). */
  business: boolean;
  signedPermission: boolean;
  powerOfAttorney: boolean;
  consumerVerifiedDirectly: boolean;
  consumerConfirmedPermission: boolean;
};

/** The proof items, in the order a form lists them; labels live in the "requestDetail" catalog (agent.*). */
export const agentProofs = ["signedPermission", "powerOfAttorney", "consumerVerifiedDirectly", "consumerConfirmedPermission"] as const;

/**
 * Whether the agent showed the authority §7063 lets the business require: a power of attorney, or the consumer's
 * signed permission. Without it the request cannot be complied with (denied as not verifiable is the honest outcome).
 */
export function agentHasProof(agent: Pick<RequestAgent, "signedPermission" | "powerOfAttorney"> | null | undefined): boolean {
  if (!agent) return true;
  return agent.powerOfAttorney || agent.signedPermission;
}

const box = z.preprocess((v) => v === "yes" || v === "on" || v === true, z.boolean());
const text = (max: number) => z.string().trim().max(max, { error: "too-long" });

/**
 * The agent fields of an intake form ("I am making this request for someone else" ticked as onBehalf=yes):
 * unticked, no agent; ticked, the agent's name and a contact are required.
 */
export const agentFieldsSchema = z
  .object({
    onBehalf: box,
    agentName: text(200).optional(),
    agentContact: text(320).optional(),
    agentBusiness: box,
    agentSignedPermission: box,
    agentPowerOfAttorney: box,
    agentConsumerVerified: box,
    agentConsumerConfirmed: box,
  })
  .superRefine((v, ctx) => {
    if (!v.onBehalf) return;
    if (!v.agentName || v.agentName.length < 2) ctx.addIssue({ code: "custom", path: ["agentName"], message: "agent-name-required" });
    if (!v.agentContact || v.agentContact.length < 3)
      ctx.addIssue({ code: "custom", path: ["agentContact"], message: "agent-contact-required" });
  });

/** The request page's proof form: the boxes an officer ticks as the agent's proof arrives. */
export const agentProofSchema = z.object({
  requestId: z.coerce.number().int().positive(),
  signedPermission: box,
  powerOfAttorney: box,
  consumerVerifiedDirectly: box,
  consumerConfirmedPermission: box,
});

/** The agent an intake form describes, or null when the person asks for themselves. */
export function agentFromFields(v: z.infer<typeof agentFieldsSchema>): RequestAgent | null {
  if (!v.onBehalf || !v.agentName || !v.agentContact) return null;
  return {
    name: v.agentName,
    contact: v.agentContact,
    business: v.agentBusiness,
    signedPermission: v.agentSignedPermission,
    powerOfAttorney: v.agentPowerOfAttorney,
    consumerVerifiedDirectly: v.agentConsumerVerified,
    consumerConfirmedPermission: v.agentConsumerConfirmed,
  };
}
