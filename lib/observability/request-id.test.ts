import { describe, expect, it } from "vitest";
import { requestIdFrom } from "./request-id";

describe("requestIdFrom", () => {
  it("keeps an incoming id that is a sane token", () => {
    for (const id of ["0b7c5f0e-6a53-4d55-9d1f-6f0f4bde2c11", "4bf92f3577b34da6a3ce929d0e0e4736", "K7vYb2x_Qm-1aZ", "svc.gateway:42-abc"])
      expect(requestIdFrom(id, () => "fresh")).toBe(id);
  });

  it("replaces a missing, short, long or unsafe id with a fresh one", () => {
    for (const id of [
      null,
      undefined,
      "",
      "short",
      "x".repeat(101),
      "abc def ghijk",
      "abc\r\nSet-Cookie: a=b",
      "<script>alert(1)</script>",
      "ana@example.com",
      "-leading-dash",
    ])
      expect(requestIdFrom(id, () => "fresh")).toBe("fresh");
  });

  it("generates random UUIDs by default", () => {
    const a = requestIdFrom(null);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(null)).not.toBe(a);
  });
});
