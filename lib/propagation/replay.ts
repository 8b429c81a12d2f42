import { eventDataSchemas, type PropagationEventType } from "./events";

/** What the replay rule reads of an event: its sequence (the row id), type, purpose and data (null once scrubbed). */
export type SequencedEvent = {
  id: number;
  type: PropagationEventType;
  purposeId: number | null;
  data: Record<string, unknown> | null;
};

/** What a subject event's data covers, for the types whose data says which fields, purposes or rights it is about. */
function coverage(event: SequencedEvent): Set<string> | null {
  switch (event.type) {
    case "subject.rectified": {
      const parsed = eventDataSchemas["subject.rectified"].safeParse(event.data);
      return parsed.success ? new Set(parsed.data.changes.map((c) => c.field)) : null;
    }
    case "subject.objected": {
      const parsed = eventDataSchemas["subject.objected"].safeParse(event.data);
      return parsed.success ? new Set(parsed.data.purposes) : null;
    }
    case "subject.opted_out": {
      const parsed = eventDataSchemas["subject.opted_out"].safeParse(event.data);
      return parsed.success ? new Set(parsed.data.optOut) : null;
    }
    default:
      return new Set();
  }
}

/**
 * Whether `later` makes replaying `earlier` pointless; both went to the same recipient about the same
 * person (the caller selects them so). It must come later in sequence and tell at least what `earlier`
 * would: a consent change is overtaken by any later one for the same purpose (a recipient keeps one state
 * per purpose and the later carries the newest); a subject event by a later one of the same type that
 * covers it: any later erasure, restriction or limit; a rectification that corrects at least the same
 * fields (a later correction of the name does not carry an earlier one of the phone); an objection naming
 * at least the same purposes; an opt-out of at least the same of sale and sharing. When either side's
 * data is gone or unreadable, nothing is assumed: the earlier one is not superseded.
 */
export function supersedes(later: SequencedEvent, earlier: SequencedEvent): boolean {
  if (later.id <= earlier.id || later.type !== earlier.type) return false;
  if (earlier.type === "consent.changed") return earlier.purposeId !== null && later.purposeId === earlier.purposeId;
  const told = coverage(earlier);
  const carried = coverage(later);
  if (!told || !carried) return false;
  return [...told].every((item) => carried.has(item));
}

/** Why a parked delivery can never be sent again, if it cannot. */
export type ReplayRefusal = "scrubbed" | "no-identifier";

/**
 * Nothing is replayed after the scrub (issue 14, deliverable 5): once an erasure settled, the person's
 * identifiers are gone from every delivery and nothing could name them. A delivery that never held an
 * identifier (the recipient holds none of the person's) cannot be sent either; an officer confirms it by hand.
 */
export function replayRefusal(delivery: { scrubbedAt: Date | number | null; hasIdentifiers: boolean }): ReplayRefusal | null {
  if (delivery.scrubbedAt !== null) return "scrubbed";
  return delivery.hasIdentifiers ? null : "no-identifier";
}
