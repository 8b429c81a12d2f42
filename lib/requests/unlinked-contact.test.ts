import { describe, expect, it } from "vitest";
import { unlinkedContact } from "./unlinked-contact";

describe("unlinkedContact", () => {
  it("reads the contact details staff took down", () => {
    expect(unlinkedContact('{"email":"ana@example.com","externalId":null,"name":"Ana","note":""}')).toEqual({
      email: "ana@example.com",
      externalId: null,
      name: "Ana",
      note: null,
    });
  });
  it("answers null for erased, free-text or malformed details", () => {
    expect(unlinkedContact(null)).toBeNull();
    expect(unlinkedContact("Please delete my account")).toBeNull();
    expect(unlinkedContact('{"email":42}')).toBeNull();
    expect(unlinkedContact("[]")).toBeNull();
  });
});
