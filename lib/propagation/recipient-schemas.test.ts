import { describe, expect, it } from "vitest";
import { z } from "zod";
import { addEmailPathSchema, addWebhookPathSchema, pathRefSchema, recipientFieldsSchema, updateRecipientSchema } from "./recipient-schemas";

const errorsOf = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? {} : z.flattenError(r.error).fieldErrors;
};

const vendor = { name: " MailHarbor Inc. ", role: "processor", country: "us" };

describe("recipientFieldsSchema", () => {
  it("trims the name, upper-cases the country, and stores blank contact fields as none", () => {
    expect(recipientFieldsSchema.parse({ ...vendor, privacyContactName: " ", privacyContactEmail: "" })).toEqual({
      name: "MailHarbor Inc.",
      role: "processor",
      country: "US",
      privacyContactName: null,
      privacyContactEmail: null,
    });
  });

  it("keeps a privacy contact, its address in lower case", () => {
    const parsed = recipientFieldsSchema.parse({
      ...vendor,
      privacyContactName: "Dana Reyes",
      privacyContactEmail: " Privacy@MailHarbor.Example ",
    });
    expect(parsed.privacyContactName).toBe("Dana Reyes");
    expect(parsed.privacyContactEmail).toBe("privacy@mailharbor.example");
  });

  it("names each bad field: a missing name, an unknown role, a country that is not two letters, an address that is not one", () => {
    expect(errorsOf(recipientFieldsSchema, { name: "", role: "owner", country: "USA", privacyContactEmail: "privacy at vendor" })).toEqual({
      name: ["required"],
      role: ["invalid"],
      country: ["invalid-country"],
      privacyContactEmail: ["invalid-email"],
    });
  });

  it("refuses a name over 120 characters", () => {
    expect(errorsOf(recipientFieldsSchema, { ...vendor, name: "x".repeat(121) })).toEqual({ name: ["too-long"] });
  });

  it("reads the recipient's id from an edit form and refuses one that is not a positive whole number", () => {
    expect(updateRecipientSchema.parse({ ...vendor, recipientId: "4" }).recipientId).toBe(4);
    expect(errorsOf(updateRecipientSchema, { ...vendor, recipientId: "-1" })).toEqual({ recipientId: ["invalid"] });
  });
});

describe("addWebhookPathSchema", () => {
  const strict = addWebhookPathSchema({ allowInsecure: false });
  const dev = addWebhookPathSchema({ allowInsecure: true });

  it("takes an https URL, trimmed", () => {
    expect(strict.parse({ recipientId: "1", url: " https://hooks.vendor.example/candor " })).toEqual({
      recipientId: 1,
      url: "https://hooks.vendor.example/candor",
    });
  });

  it("refuses plain HTTP unless the development setting is on, and names why", () => {
    expect(errorsOf(strict, { recipientId: "1", url: "http://hooks.vendor.example/" })).toEqual({ url: ["not-https"] });
    expect(dev.parse({ recipientId: "1", url: "http://127.0.0.1:9000/hook" }).url).toBe("http://127.0.0.1:9000/hook");
  });

  it("refuses a blank URL, credentials in it, and text that is not a URL", () => {
    expect(errorsOf(strict, { recipientId: "1", url: " " })).toEqual({ url: ["required"] });
    expect(errorsOf(strict, { recipientId: "1", url: "https://me:pw@hooks.vendor.example/" })).toEqual({ url: ["credentials-in-url"] });
    expect(errorsOf(strict, { recipientId: "1", url: "hooks.vendor.example" })).toEqual({ url: ["not-a-url"] });
  });
});

describe("addEmailPathSchema and pathRefSchema", () => {
  it("takes each or daily batching and nothing else", () => {
    expect(addEmailPathSchema.parse({ recipientId: "2", emailBatching: "daily" })).toEqual({ recipientId: 2, emailBatching: "daily" });
    expect(errorsOf(addEmailPathSchema, { recipientId: "2", emailBatching: "weekly" })).toEqual({ emailBatching: ["invalid"] });
  });

  it("needs both the recipient's and the path's id", () => {
    expect(pathRefSchema.parse({ recipientId: "2", pathId: "9" })).toEqual({ recipientId: 2, pathId: 9 });
    expect(errorsOf(pathRefSchema, { recipientId: "2" })).toEqual({ pathId: ["invalid"] });
  });
});
