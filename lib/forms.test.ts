import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formCheckbox, formInt, formList, formObject, formOptionalInt, initialActionState, invalidInput } from "./forms";

const form = (pairs: [string, string | Blob][]) => {
  const f = new FormData();
  for (const [k, v] of pairs) f.append(k, v);
  return f;
};
const issues = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe("formObject", () => {
  it("turns fields into a plain object, and a repeated key (a checkbox group) into a list in order", () => {
    expect(
      formObject(
        form([
          ["name", "Ada"],
          ["channels", "email"],
          ["channels", "sms"],
          ["channels", "push"],
        ]),
      ),
    ).toEqual({
      name: "Ada",
      channels: ["email", "sms", "push"],
    });
  });

  it("leaves out Next's own action fields and uploaded files", () => {
    const f = form([
      ["$ACTION_ID_abc", ""],
      ["$ACTION_REF_1", "x"],
      ["note", "kept"],
      ["file", new Blob(["data"])],
    ]);
    expect(formObject(f)).toEqual({ note: "kept" });
  });

  it("keeps empty strings, so a blank field is seen as blank rather than missing", () => {
    expect(formObject(form([["details", ""]]))).toEqual({ details: "" });
  });

  it("does not let a field named __proto__ change the object's prototype", () => {
    const out = formObject(
      form([
        ["__proto__", "polluted"],
        ["a", "1"],
      ]),
    );
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("formList", () => {
  const list = formList(z.enum(["email", "sms"]));

  it("reads absent or blank as an empty list and one value as a list of one", () => {
    expect(list.parse(undefined)).toEqual([]);
    expect(list.parse("")).toEqual([]);
    expect(list.parse("sms")).toEqual(["sms"]);
    expect(list.parse(["email", "sms"])).toEqual(["email", "sms"]);
  });

  it("checks every item", () => {
    expect(list.safeParse(["email", "fax"]).success).toBe(false);
  });
});

describe("formCheckbox", () => {
  it('is true for a ticked box ("on", "true") and false when absent or anything else', () => {
    expect(["on", "true", true].map((v) => formCheckbox.parse(v))).toEqual([true, true, true]);
    expect([undefined, "", "off", "false", "yes", 1].map((v) => formCheckbox.parse(v))).toEqual([false, false, false, false, false, false]);
  });
});

describe("formOptionalInt", () => {
  const days = formOptionalInt(1, 3650);

  it("reads blank as null and digits as a number", () => {
    expect(days.parse(undefined)).toBeNull();
    expect(days.parse("  ")).toBeNull();
    expect(days.parse("30")).toBe(30);
    expect(days.parse(" 365 ")).toBe(365);
  });

  it("names what is wrong with a number it refuses", () => {
    expect(issues(days, "abc")).toEqual(["not-a-number"]);
    expect(issues(days, "1.5")).toEqual(["not-a-whole-number"]);
    expect(issues(days, "0")).toEqual(["too-small"]);
    expect(issues(days, "3651")).toEqual(["too-large"]);
  });

  it("keeps its bounds inclusive", () => {
    expect(days.parse("1")).toBe(1);
    expect(days.parse("3650")).toBe(3650);
  });
});

describe("formInt", () => {
  const days = formInt(3, 90);

  it("reads digits as a number and keeps its bounds inclusive", () => {
    expect(days.parse("3")).toBe(3);
    expect(days.parse("90")).toBe(90);
    expect(days.parse(45)).toBe(45);
  });

  it("says a blank or missing value is required, words for a number are not one, and names any other fault", () => {
    expect(issues(days, "")).toEqual(["required"]);
    expect(issues(days, undefined)).toEqual(["required"]);
    expect(issues(days, "2")).toEqual(["too-small"]);
    expect(issues(days, "91")).toEqual(["too-large"]);
    expect(issues(days, "7.5")).toEqual(["not-a-whole-number"]);
    expect(issues(days, "a year")).toEqual(["not-a-number"]);
  });
});

describe("ActionResult helpers", () => {
  it("starts a form as a success with nothing to say", () => {
    expect(initialActionState).toEqual({ ok: true });
  });

  it("turns a failed validation into field messages keyed by field", () => {
    const schema = z.object({ name: z.string().min(1, { error: "required" }), email: z.email({ error: "invalid-email" }) });
    const r = schema.safeParse({ name: "", email: "nope" });
    if (r.success) throw new Error("expected a failure");
    expect(invalidInput(r.error)).toEqual({ ok: false, fieldErrors: { name: ["required"], email: ["invalid-email"] } });
  });
});
