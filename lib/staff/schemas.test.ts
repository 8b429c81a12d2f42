import { describe, expect, it } from "vitest";
import { changeRoleSchema, createStaffSchema, setActiveSchema, signInSchema } from "./schemas";

const valid = { name: "Ana Lee", email: " Ana@Example.COM ", role: "marketing", password: "correct horse battery" };

describe("createStaffSchema", () => {
  it("normalizes the email to lower case without spaces", () => {
    expect(createStaffSchema.parse(valid).email).toBe("ana@example.com");
  });

  it("names each bad field with a catalog key", () => {
    const r = createStaffSchema.safeParse({ name: "", email: "nope", role: "root", password: "short" });
    expect(r.success).toBe(false);
    const fields = r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path[0], i.message]));
    expect(fields).toEqual({ name: "required", email: "invalid-email", role: "invalid-role", password: "password-too-short" });
  });

  it("refuses absurdly long input", () => {
    expect(createStaffSchema.safeParse({ ...valid, name: "x".repeat(101) }).success).toBe(false);
    expect(createStaffSchema.safeParse({ ...valid, password: "x".repeat(201) }).success).toBe(false);
  });
});

describe("changeRoleSchema and setActiveSchema", () => {
  it("coerces form strings and refuses bad ids", () => {
    expect(changeRoleSchema.parse({ userId: "4", role: "executive" })).toEqual({ userId: 4, role: "executive" });
    expect(changeRoleSchema.safeParse({ userId: "-1", role: "executive" }).success).toBe(false);
    expect(changeRoleSchema.safeParse({ userId: "abc", role: "executive" }).success).toBe(false);
  });

  it("reads the active flag only from 'true' or 'false'", () => {
    expect(setActiveSchema.parse({ userId: "2", active: "false" }).active).toBe(false);
    expect(setActiveSchema.safeParse({ userId: "2", active: "yes" }).success).toBe(false);
  });
});

describe("signInSchema", () => {
  it("needs an email and a password", () => {
    expect(signInSchema.safeParse({ email: "a@b.co", password: "" }).success).toBe(false);
    expect(signInSchema.safeParse({ email: "a@b.co", password: "x" }).success).toBe(true);
  });
});
