import { describe, expect, it } from "vitest";
import { formObject } from "../forms";
import { propagationEventTypes } from "./events";
import { deliveryStates } from "./vocabulary";
import { awaitingStates, awaitsRecipient, confirmationLimitDays, confirmationLimitSchema } from "./confirmation-limit";

const parse = (value: string) => {
  const form = new FormData();
  form.set("confirmationLimitDays", value);
  return confirmationLimitSchema.safeParse(formObject(form));
};
const codes = (value: string) => {
  const r = parse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe("the confirmation limit", () => {
  it("is a week unless the brand chooses otherwise, from one day to ninety", () => {
    expect(confirmationLimitDays).toEqual({ default: 7, min: 1, max: 90 });
    expect(parse("1")).toMatchObject({ success: true, data: { confirmationLimitDays: 1 } });
    expect(parse(" 90 ")).toMatchObject({ success: true, data: { confirmationLimitDays: 90 } });
  });

  it("refuses zero, more than ninety, a fraction, a word and a blank, each with its own message", () => {
    expect(codes("0")).toEqual(["too-small"]);
    expect(codes("91")).toEqual(["too-large"]);
    expect(codes("2.5")).toEqual(["not-a-whole-number"]);
    expect(codes("seven")).toEqual(["not-a-number"]);
    expect(codes("")).toEqual(["required"]);
  });
});

describe("what waits on a recipient", () => {
  it("holds a request's change until confirmed, and a consent change only until delivered", () => {
    const waiting = (type: (typeof propagationEventTypes)[number]) => deliveryStates.filter((s) => awaitsRecipient(type, s));
    expect(waiting("consent.changed")).toEqual(["queued", "parked"]);
    for (const type of propagationEventTypes.filter((t) => t !== "consent.changed"))
      expect(waiting(type), type).toEqual(["queued", "delivered", "parked"]);
    expect(awaitingStates("subject.erased")).not.toContain("superseded");
  });
});
