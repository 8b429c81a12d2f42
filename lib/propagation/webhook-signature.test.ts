import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import {
  ROTATION_GRACE_MS,
  generateWebhookSecret,
  signWebhook,
  signingSecrets,
  webhookSecretSchema,
  webhookTimestamp,
} from "./webhook-signature";

// Every signature is checked with the standardwebhooks package, never with our own code, so a mistake
// in our signing cannot be hidden by the same mistake in our checking.

const body = JSON.stringify({ type: "consent.changed.v1", data: { purpose: "newsletter", state: "withdrawn", note: "naïve ✓" } });
const now = () => webhookTimestamp(Date.now());

describe("signWebhook", () => {
  it("signs so that the standardwebhooks package verifies and returns the payload", () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook({ id: "dlv_01HZX", timestamp: now(), body, secrets: [secret] });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
  });

  it("during a rotation signs with both secrets, and each secret alone verifies", () => {
    const current = generateWebhookSecret();
    const previous = generateWebhookSecret();
    const headers = signWebhook({ id: "dlv_rotating", timestamp: now(), body, secrets: [current, previous] });
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(() => new Webhook(current).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(previous).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
  });

  it("keeps the same webhook-id across retries while each attempt's signature verifies with its own timestamp", () => {
    const secret = generateWebhookSecret();
    const first = signWebhook({ id: "dlv_same", timestamp: now() - 120, body, secrets: [secret] });
    const retry = signWebhook({ id: "dlv_same", timestamp: now(), body, secrets: [secret] });
    expect(retry["webhook-id"]).toBe(first["webhook-id"]);
    expect(retry["webhook-signature"]).not.toBe(first["webhook-signature"]);
    expect(() => new Webhook(secret).verify(body, first)).not.toThrow();
    expect(() => new Webhook(secret).verify(body, retry)).not.toThrow();
  });

  it("fails verification when the body, id or timestamp is altered", () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook({ id: "dlv_x", timestamp: now(), body, secrets: [secret] });
    const wh = new Webhook(secret);
    expect(() => wh.verify(body.replace("withdrawn", "granted"), headers)).toThrow();
    expect(() => wh.verify(body, { ...headers, "webhook-id": "dlv_y" })).toThrow();
    expect(() => wh.verify(body, { ...headers, "webhook-timestamp": String(Number(headers["webhook-timestamp"]) + 1) })).toThrow();
  });

  it("is refused by the receiver when the timestamp is older than its five-minute tolerance", () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook({ id: "dlv_old", timestamp: now() - 600, body, secrets: [secret] });
    expect(() => new Webhook(secret).verify(body, headers)).toThrow();
  });

  it("refuses no secret, an id that would make the signed content ambiguous, and a timestamp that is not whole seconds", () => {
    const secret = generateWebhookSecret();
    expect(() => signWebhook({ id: "dlv", timestamp: now(), body, secrets: [] })).toThrow(RangeError);
    expect(() => signWebhook({ id: "a.b", timestamp: now(), body, secrets: [secret] })).toThrow(RangeError);
    expect(() => signWebhook({ id: "dlv", timestamp: 1.5, body, secrets: [secret] })).toThrow(RangeError);
  });
});

describe("generateWebhookSecret and webhookSecretSchema", () => {
  it("makes a whsec_ secret of 32 random bytes, different each time, that the schema accepts", () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_/);
    expect(Buffer.from(a.slice(6), "base64")).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(a);
    expect(webhookSecretSchema.safeParse(a).success).toBe(true);
  });

  it("refuses a secret without the prefix, with too few bytes, or not in base64", () => {
    expect(webhookSecretSchema.safeParse(generateWebhookSecret().slice(6)).success).toBe(false);
    expect(webhookSecretSchema.safeParse("whsec_" + Buffer.alloc(16).toString("base64")).success).toBe(false);
    expect(webhookSecretSchema.safeParse("whsec_not base64!").success).toBe(false);
  });
});

describe("signingSecrets", () => {
  const rotatedAt = Date.UTC(2025, 0, 1);
  const path = { secret: "whsec_new", previousSecret: "whsec_old", rotatedAt };

  it("signs with both secrets for 24 hours after a rotation, then with the new one alone", () => {
    expect(signingSecrets(path, rotatedAt)).toEqual(["whsec_new", "whsec_old"]);
    expect(signingSecrets(path, rotatedAt + ROTATION_GRACE_MS - 1)).toEqual(["whsec_new", "whsec_old"]);
    expect(signingSecrets(path, rotatedAt + ROTATION_GRACE_MS)).toEqual(["whsec_new"]);
  });

  it("signs with the one secret when there was never a rotation", () => {
    expect(signingSecrets({ secret: "whsec_only", previousSecret: null, rotatedAt: null }, rotatedAt)).toEqual(["whsec_only"]);
  });
});
