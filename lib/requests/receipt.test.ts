import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createRequestSchema } from "./fulfilment";
import { enteredLater, fromLocalInput, isLateEntry, LATE_ENTRY_DAYS, toLocalInput } from "./receipt";
import { DAY_MS as DAY } from "../time";

// 12:00 in Dublin (summer time, UTC+1) on 20 June 2026.
const now = new Date("2026-06-20T11:00:00Z");
const clock = { now, timeZone: "Europe/Dublin" };
const base = { type: "access", jurisdiction: "EU", intake: "letter", externalId: "C-1" };
const ago = (days: number, ms = 0) => toLocalInput(new Date(now.getTime() - days * DAY - ms), clock.timeZone);
const errorsOf = (input: Record<string, unknown>) => {
  const r = createRequestSchema(clock).safeParse({ ...base, ...input });
  return r.success ? {} : z.flattenError(r.error).fieldErrors;
};

describe("wall time in the brand's zone", () => {
  it("reads a datetime-local value on the zone's clock, summer and winter", () => {
    expect(fromLocalInput("2026-06-20T09:30", "Europe/Dublin")?.toISOString()).toBe("2026-06-20T08:30:00.000Z");
    expect(fromLocalInput("2026-01-10T09:30", "Europe/Dublin")?.toISOString()).toBe("2026-01-10T09:30:00.000Z");
    expect(fromLocalInput("2026-01-10T09:30", "Asia/Seoul")?.toISOString()).toBe("2026-01-10T00:30:00.000Z");
    expect(fromLocalInput("2026-03-08T01:00", "America/Los_Angeles")?.toISOString()).toBe("2026-03-08T09:00:00.000Z");
  });

  it("writes an instant back as the value the form shows", () => {
    expect(toLocalInput(new Date("2026-06-20T08:30:00Z"), "Europe/Dublin")).toBe("2026-06-20T09:30");
    expect(toLocalInput(new Date("2026-12-31T23:30:00Z"), "Asia/Tokyo")).toBe("2027-01-01T08:30");
  });

  it("refuses malformed values and the hour a zone skips; takes the first of an hour it repeats", () => {
    for (const bad of ["", "yesterday", "2026-02-30T10:00", "2026-06-20T24:00", "2026-06-20 10:00:00Z", "2026-06-20"])
      expect(fromLocalInput(bad, "Europe/Dublin"), bad).toBeNull();
    expect(fromLocalInput("2026-03-29T01:30", "Europe/Dublin")).toBeNull();
    expect(fromLocalInput("2026-10-25T01:30", "Europe/Dublin")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });
});

describe("staff intake: when the request was received", () => {
  it("accepts now and a letter received ten days ago, as instants on the brand's clock", () => {
    const r = createRequestSchema(clock).parse({ ...base, receivedAt: ago(10) });
    expect(r.receivedAt.getTime()).toBe(Math.floor((now.getTime() - 10 * DAY) / 60_000) * 60_000);
    expect(createRequestSchema(clock).safeParse({ ...base, receivedAt: toLocalInput(now, clock.timeZone) }).success).toBe(true);
  });

  it("refuses a time in the future, even a minute ahead", () => {
    expect(errorsOf({ receivedAt: ago(0, -60_000) })).toEqual({ receivedAt: ["received-future"] });
    expect(errorsOf({ receivedAt: "2027-01-01T00:00" })).toEqual({ receivedAt: ["received-future"] });
  });

  it("refuses 61 days back without a reason, naming the reason field", () => {
    expect(errorsOf({ receivedAt: ago(61) })).toEqual({ lateReason: ["late-reason-required"] });
    expect(errorsOf({ receivedAt: ago(61), lateReason: "  " })).toEqual({ lateReason: ["late-reason-required"] });
  });

  it("accepts 61 days back with a reason, and 60 days back without one", () => {
    const late = createRequestSchema(clock).parse({
      ...base,
      receivedAt: ago(61),
      lateReason: " Letter found in the old office's post tray ",
    });
    expect(late.lateReason).toBe("Letter found in the old office's post tray");
    expect(createRequestSchema(clock).parse({ ...base, receivedAt: ago(LATE_ENTRY_DAYS) }).lateReason).toBeUndefined();
  });

  it("refuses a missing, malformed or pre-2000 receipt time with its own message", () => {
    expect(errorsOf({})).toEqual({ receivedAt: ["received-required"] });
    expect(errorsOf({ receivedAt: "" })).toEqual({ receivedAt: ["received-required"] });
    expect(errorsOf({ receivedAt: "20/06/2026" })).toEqual({ receivedAt: ["received-invalid"] });
    expect(errorsOf({ receivedAt: "1999-12-31T23:00" })).toEqual({ receivedAt: ["received-too-early"] });
  });

  it("takes requests received by phone, letter and email, and still asks for a contact", () => {
    for (const intake of ["phone", "letter", "email"])
      expect(createRequestSchema(clock).safeParse({ ...base, intake, receivedAt: ago(1) }).success).toBe(true);
    expect(errorsOf({ intake: "api", receivedAt: ago(1) })).toHaveProperty("intake");
    expect(errorsOf({ externalId: "", receivedAt: ago(1) })).toEqual({ email: ["contact-required"] });
  });
});

describe("late entries and the timeline", () => {
  it("counts more than 60 days between receipt and entry as late", () => {
    expect(isLateEntry(new Date(now.getTime() - 60 * DAY), now)).toBe(false);
    expect(isLateEntry(new Date(now.getTime() - 60 * DAY - 1), now)).toBe(true);
  });

  it("shows received and entered apart only when a minute or more lies between them", () => {
    expect(enteredLater(now, new Date(now.getTime() + 59_999))).toBe(false);
    expect(enteredLater(now, new Date(now.getTime() + 60_000))).toBe(true);
  });
});
