import { describe, expect, it } from "vitest";
import { changeRoleSchema, setActiveSchema, signInSchema } from "./schemas";

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
