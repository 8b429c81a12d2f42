import { describe, expect, it } from "vitest";
import { choiceChanges, profileFormSchema } from "./choices";
import { eventsFor, mayHear } from "./vocabulary";

describe("eventsFor", () => {
  it("offers a privacy officer every event", () => {
    expect(eventsFor("privacy_officer")).toEqual(["new-request", "due-soon", "overdue", "review", "path-failing"]);
  });

  it("offers marketing, executives and administrators none of the request, review or path events", () => {
    for (const role of ["marketing", "executive", "admin"]) expect(eventsFor(role)).toEqual([]);
  });

  it("offers an unknown role nothing", () => {
    expect(eventsFor("intruder")).toEqual([]);
    expect(mayHear(undefined, "new-request")).toBe(false);
  });
});

describe("profileFormSchema", () => {
  it("keeps the officer's immediate and digest choices and leaves off and missing ones out", () => {
    const r = profileFormSchema("privacy_officer").safeParse({
      locale: "ko",
      "event-new-request": "immediate",
      "event-due-soon": "digest",
      "event-overdue": "off",
    });
    expect(r.success && r.data).toEqual({ locale: "ko", choices: { "new-request": "immediate", "due-soon": "digest" } });
  });

  it("refuses a delivery that is not off, immediate or digest", () => {
    const r = profileFormSchema("privacy_officer").safeParse({ locale: "en", "event-overdue": "hourly" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["event-overdue", "invalid-choice"]]);
  });

  it("refuses marketing's request for request notices: the role cannot read requests", () => {
    const r = profileFormSchema("marketing").safeParse({ locale: "en", "event-new-request": "immediate" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["event-new-request", "not-allowed"]]);
  });

  it("accepts off for an event the role may not see, and stores nothing for it", () => {
    const r = profileFormSchema("executive").safeParse({ locale: "ja", "event-review": "off" });
    expect(r.success && r.data).toEqual({ locale: "ja", choices: {} });
  });

  it("refuses a language Candor does not write in", () => {
    const r = profileFormSchema("admin").safeParse({ locale: "fr" });
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["locale", "invalid-locale"]]);
  });
});

describe("choiceChanges", () => {
  it("lists each event whose delivery changed, from and to", () => {
    expect(choiceChanges({ "new-request": "immediate", overdue: "digest" }, { overdue: "digest", review: "digest" })).toEqual({
      "new-request": ["immediate", "off"],
      review: ["off", "digest"],
    });
  });

  it("is empty when nothing changed", () => {
    expect(choiceChanges({ overdue: "digest" }, { overdue: "digest" })).toEqual({});
  });
});
