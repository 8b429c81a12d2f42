import { describe, expect, it } from "vitest";
import { z } from "zod";
import { locales } from "../../i18n/config";
import { defaultTemplate } from "./render";
import { saveMessageTemplateSchema } from "./schema";
import { templateKinds, type TemplateKind } from "./vocabulary";

const form = (kind: TemplateKind, locale: "en" | "ko" | "ja", change: Partial<Record<string, string>> = {}) => ({
  kind,
  locale,
  ...defaultTemplate(kind, locale),
  ...change,
});
const fieldErrors = (input: unknown) => {
  const r = saveMessageTemplateSchema.safeParse(input);
  return r.success ? {} : z.flattenError(r.error).fieldErrors;
};

describe("saveMessageTemplateSchema", () => {
  it("accepts every shipped template as it stands", () => {
    for (const locale of locales)
      for (const kind of templateKinds) expect(fieldErrors(form(kind, locale)), `${kind} ${locale}`).toEqual({});
  });

  it("refuses a rejection without its reason, naming the placeholder beside the body", () => {
    const body = defaultTemplate("request-rejected", "ko").body.replace("{reason}", "");
    expect(fieldErrors(form("request-rejected", "ko", { body }))).toEqual({ body: ["requiredPlaceholder:reason"] });
  });

  it("refuses a rejection without the complaint route", () => {
    expect(fieldErrors(form("request-rejected", "en", { body: "We refuse {ref}. Why: {reason}" }))).toEqual({
      body: ["requiredPlaceholder:complaint"],
    });
  });

  it("keeps each kind's required placeholders: the code, the links, an extension's reason and date", () => {
    expect(fieldErrors(form("request-code", "en", { body: "Hello" })).body).toEqual(["requiredPlaceholder:code"]);
    expect(fieldErrors(form("request-received", "ja", { body: "受け付けました" })).body).toEqual(["requiredPlaceholder:link"]);
    expect(fieldErrors(form("request-export", "en", { body: "Ready" })).body).toEqual(["requiredPlaceholder:link"]);
    expect(fieldErrors(form("request-extended", "en", { body: "New date {due}" })).body).toEqual(["requiredPlaceholder:reason"]);
    expect(fieldErrors(form("notice-reconsent", "en", { body: "Choose again" })).body).toEqual(["requiredPlaceholder:link"]);
  });

  it("does not count a required placeholder moved to the signature", () => {
    expect(fieldErrors(form("request-code", "en", { body: "Hi", signature: "{code}" })).body).toEqual(["requiredPlaceholder:code"]);
  });

  it("refuses a placeholder the kind does not know, in the field that names it", () => {
    expect(fieldErrors(form("request-rejected", "en", { greeting: "Dear {firstName}," }))).toEqual({
      greeting: ["unknownPlaceholder:firstName"],
    });
    // A code is only ever sent in the code message.
    expect(fieldErrors(form("request-completed", "en", { subject: "Done {code}" }))).toEqual({ subject: ["unknownPlaceholder:code"] });
  });

  it("refuses an empty subject or body, an unknown kind or language, and an overlong body", () => {
    expect(fieldErrors(form("request-code", "en", { subject: "  " })).subject).toEqual(["required"]);
    expect(fieldErrors({ ...form("request-code", "en"), kind: "staff-invite" }).kind).toBeDefined();
    expect(fieldErrors({ ...form("request-code", "en"), locale: "fr" }).locale).toBeDefined();
    expect(fieldErrors(form("request-code", "en", { body: `{code} ${"x".repeat(8001)}` })).body).toContain("tooLong");
  });
});
