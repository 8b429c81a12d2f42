/** The data categories a purpose can declare; labels live in the "vocabulary" catalog. */
export const dataCategories = [
  "contact",
  "identity",
  "order_history",
  "payment",
  "device",
  "location",
  "behavioural",
  "preferences",
  "body_measurements",
  "communications",
  "loyalty",
] as const;
export type DataCategory = (typeof dataCategories)[number];

export const channels = ["email", "sms", "push", "post", "phone", "in_app"] as const;
export type Channel = (typeof channels)[number];

export const recipientRoles = ["processor", "controller", "joint_controller", "third_party"] as const;
export type RecipientRole = (typeof recipientRoles)[number];

export const legalBases = ["consent", "contract", "legal_obligation", "vital_interests", "public_task", "legitimate_interests"] as const;
export type LegalBasis = (typeof legalBases)[number];

/** What a subject can do about a purpose, by its legal basis (SPEC §1). */
export function subjectChoice(basis: LegalBasis): "consent" | "objection" | "none" {
  if (basis === "consent") return "consent";
  if (basis === "legitimate_interests") return "objection";
  return "none";
}
