import { describe, expect, it } from "vitest";
import { pathForLog, scrubText } from "./log-redaction";

describe("scrubText", () => {
  it("censors email addresses, bearer tokens and API keys and keeps the rest", () => {
    expect(scrubText("code sent to ana.lee+shop@mail.example.com for REQ-2026-00012")).toBe("code sent to [redacted] for REQ-2026-00012");
    expect(scrubText("Authorization: Bearer ck_live_abc123")).toBe("Authorization: Bearer [redacted]");
    expect(scrubText("key pk_live_Zx9-abc revoked")).toBe("key pk_live_[redacted] revoked");
    expect(scrubText("SQLITE_BUSY: database is locked")).toBe("SQLITE_BUSY: database is locked");
  });
});

describe("pathForLog", () => {
  it("keeps route words and replaces ids, refs, tokens and the query", () => {
    expect(pathForLog("/api/v1/subjects/0b7c5f0e-6a53-4d55-9d1f-6f0f4bde2c11/consents")).toBe("/api/v1/subjects/:param/consents");
    expect(pathForLog("/api/v1/requests/REQ-2026-00012")).toBe("/api/v1/requests/:param");
    expect(pathForLog("http://127.0.0.1:3000/exports/Abc123_token?format=json")).toBe("/exports/:param");
    expect(pathForLog("/preferences/link?sid=abc&exp=1&sig=zz")).toBe("/preferences/link");
    expect(pathForLog("/api/v1/openapi.json")).toBe("/api/v1/openapi.json");
    expect(pathForLog("/.well-known/gpc.json")).toBe("/.well-known/gpc.json");
    expect(pathForLog("/")).toBe("/");
  });
});
