import { describe, expect, it } from "vitest";
import { auditValue, describeChange, fieldChanges, rectifySchema } from "./rectification";

const current = { name: "Kim Min-ji", email: "minji@example.com", phone: null, locale: "ko" };

describe("rectification", () => {
  it("lists only the fields that change", () => {
    expect(fieldChanges(current, { ...current })).toEqual([]);
    expect(fieldChanges(current, { ...current, name: "Kim Min-jee", phone: "+82 10 1234 5678" })).toEqual([
      { field: "name", before: "Kim Min-ji", after: "Kim Min-jee" },
      { field: "phone", before: null, after: "+82 10 1234 5678" },
    ]);
  });

  it("fingerprints personal values for the audit log and keeps the language as it is", () => {
    const fp = auditValue("email", "minji@example.com");
    expect(fp).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(fp).not.toContain("minji");
    expect(auditValue("email", "minji@example.com")).toBe(fp);
    expect(auditValue("name", "minji@example.com")).not.toBe(fp);
    expect(auditValue("locale", "ja")).toBe("ja");
    expect(auditValue("phone", null)).toBeNull();
  });

  it("validates the form: email, phone and language, empty meaning none", () => {
    const ok = rectifySchema.parse({ requestId: "3", name: " ", email: "", phone: "", locale: "ja" });
    expect(ok).toEqual({ requestId: 3, name: null, email: null, phone: null, locale: "ja" });
    expect(rectifySchema.safeParse({ requestId: "3", name: "", email: "not-an-email", phone: "", locale: "ja" }).success).toBe(false);
    expect(rectifySchema.safeParse({ requestId: "3", name: "", email: "", phone: "call me", locale: "ja" }).success).toBe(false);
    expect(rectifySchema.safeParse({ requestId: "3", name: "", email: "", phone: "", locale: "fr" }).success).toBe(false);
  });

  it("describes a change for the timeline", () => {
    expect(describeChange({ field: "phone", before: null, after: "+82 10" })).toBe("phone: — → +82 10");
  });
});
