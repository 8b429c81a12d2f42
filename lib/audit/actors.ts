/**
 * Who wrote an audit entry when no staff member did: "system" is Candor itself (its jobs and the
 * delivery dispatcher), "seed" the demo loader. Entries store these as the actor label; labels to read
 * live in the "audit" catalog (actors.*).
 */
export const systemActors = ["system", "seed"] as const;
export type SystemActor = (typeof systemActors)[number];

/** Whether an entry's actor label names Candor (or its demo loader) rather than a person. */
export function isSystemActor(label: string): label is SystemActor {
  return (systemActors as readonly string[]).includes(label);
}
