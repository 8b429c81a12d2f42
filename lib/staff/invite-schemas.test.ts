import { describe, expect, it } from "vitest";
import { acceptInviteSchema, inviteStaffSchema } from "./invite-schemas";

const valid = { name: "Ana Lee", email: " Ana@Example.COM ", role: "marketing", locale: "ko" };
const token = "A".repeat(43);

describe("inviteStaffSchema", () => {
  it("normalizes the email to lower case without spaces", () => {
    expect(inviteStaffSchema.parse(valid)).toEqual({ ...valid, email: "ana@example.com" });
  });

  it("names each bad field with a catalog key, and takes no password", () => {
    const r = inviteStaffSchema.safeParse({ name: "", email: "nope", role: "root", locale: "fr", password: "handed-over-123" });
    const fields = r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path[0], i.message]));
    expect(fields).toEqual({ name: "required", email: "invalid-email", role: "invalid-role", locale: "invalid" });
    expect("password" in inviteStaffSchema.parse({ ...valid, password: "handed-over-123" })).toBe(false);
  });
});

describe("acceptInviteSchema", () => {
  it("holds the staff password rule and needs it typed twice the same", () => {
    expect(acceptInviteSchema.safeParse({ token, password: "correct horse battery", confirm: "correct horse battery" }).success).toBe(true);
    const short = acceptInviteSchema.safeParse({ token, password: "short", confirm: "short" });
    expect(short.success ? [] : short.error.issues.map((i) => i.message)).toEqual(["password-too-short"]);
    const differ = acceptInviteSchema.safeParse({ token, password: "correct horse battery", confirm: "correct horse batterY" });
    expect(differ.success ? [] : differ.error.issues.map((i) => [i.path[0], i.message])).toEqual([["confirm", "passwords-differ"]]);
    expect(acceptInviteSchema.safeParse({ token, password: "x".repeat(201), confirm: "x".repeat(201) }).success).toBe(false);
  });

  it("refuses a token that cannot be one", () => {
    expect(
      acceptInviteSchema.safeParse({ token: "../../etc", password: "correct horse battery", confirm: "correct horse battery" }).success,
    ).toBe(false);
  });
});
