import { describe, expect, it } from "vitest";
import { z } from "zod";
import { agentFieldsSchema, agentFromFields, agentHasProof, agentProofSchema } from "./agent";

describe("agentHasProof", () => {
  const none = { signedPermission: false, powerOfAttorney: false };
  it("accepts signed permission or a power of attorney, and a request made by the person themselves", () => {
    expect(agentHasProof({ ...none, signedPermission: true })).toBe(true);
    expect(agentHasProof({ ...none, powerOfAttorney: true })).toBe(true);
    expect(agentHasProof(null)).toBe(true);
  });
  it("refuses an agent who showed neither", () => {
    expect(agentHasProof(none)).toBe(false);
  });
});

describe("agentFieldsSchema", () => {
  it("reads no agent when the box is not ticked, whatever else was typed", () => {
    const v = agentFieldsSchema.parse({ agentName: "Someone" });
    expect(agentFromFields(v)).toBeNull();
  });

  it("needs the agent's name and contact once the box is ticked", () => {
    const r = agentFieldsSchema.safeParse({ onBehalf: "yes", agentName: " ", agentContact: "" });
    expect(r.success ? {} : z.flattenError(r.error).fieldErrors).toEqual({
      agentName: ["agent-name-required"],
      agentContact: ["agent-contact-required"],
    });
  });

  it("reads the agent, whether a business, and the proof boxes ticked", () => {
    const v = agentFieldsSchema.parse({
      onBehalf: "yes",
      agentName: " Privacy Helpers LLC ",
      agentContact: "requests@privacyhelpers.example",
      agentBusiness: "yes",
      agentSignedPermission: "yes",
    });
    expect(agentFromFields(v)).toEqual({
      name: "Privacy Helpers LLC",
      contact: "requests@privacyhelpers.example",
      business: true,
      signedPermission: true,
      powerOfAttorney: false,
      consumerVerifiedDirectly: false,
      consumerConfirmedPermission: false,
    });
  });

  it("takes the request page's proof boxes as ticked or not", () => {
    expect(agentProofSchema.parse({ requestId: "3", powerOfAttorney: "yes" })).toEqual({
      requestId: 3,
      signedPermission: false,
      powerOfAttorney: true,
      consumerVerifiedDirectly: false,
      consumerConfirmedPermission: false,
    });
  });
});
