import { z } from "zod";

// The signed consent receipt the API hands out (issue 20) and the key set it verifies against.

export const signedReceiptSchema = z.object({
  eventId: z.number().int().meta({ description: "The consent event the receipt records (the eventId a consent response returned)." }),
  subjectId: z.string(),
  kid: z.string().meta({ description: "The id of the key that signed, as in the JWS header and in /.well-known/jwks.json." }),
  jws: z.string().meta({
    description:
      "The receipt as a compact JWS (RFC 7515): protected header `{alg: ES256, kid, typ: consent-receipt+jws, cty: json}`, payload the `receipt` below as JSON. Verify with any JOSE library against /.well-known/jwks.json, or paste it at /receipts/verify.",
  }),
  receipt: z
    .record(z.string(), z.unknown())
    .meta({ description: "The ISO/IEC TS 27560:2023-shaped receipt (header, processing, parties, event): the JWS payload, decoded." }),
  verifyUrl: z.string().meta({ description: "The public page where anyone can check the receipt." }),
  jwksUrl: z.string().meta({ description: "The brand's public keys, current and retired." }),
});

export const jwksSchema = z.object({
  keys: z.array(
    z
      .object({
        kty: z.literal("EC"),
        crv: z.literal("P-256"),
        x: z.string(),
        y: z.string(),
        kid: z.string().meta({ description: "RFC 7638 thumbprint of the key." }),
        alg: z.literal("ES256"),
        use: z.literal("sig"),
      })
      .strict()
      .meta({ description: "A public key only: no private member (`d`) is ever published." }),
  ),
});

export type SignedReceipt = z.infer<typeof signedReceiptSchema>;
