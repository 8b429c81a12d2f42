import { problem } from "./problem";

const kid = "Vq5mB0d3yQw1sU0x6r2uQH7V2oYc3oJmS6m8Q3n0Zx4";

/** Examples for the receipt endpoints (a real receipt's shape; the signature shortened). */
export const receiptExamples = {
  signed: {
    eventId: 1042,
    subjectId: "sub_8f14e45fceea167a",
    kid,
    jws: "eyJhbGciOiJFUzI1NiIsImtpZCI6IlZxNW1CMGQzeVF3MXNVMHg2cjJ1UUg3VjJvWWMzb0ptUzZtOFEzbjBaeDQiLCJ0eXAiOiJjb25zZW50LXJlY2VpcHQrandzIiwiY3R5IjoianNvbiJ9.eyJzY2hlbWFfdmVyc2lvbiI6IjEuMCJ9.MEUCIQ…",
    receipt: {
      schema_version: "1.0",
      schema: "ISO/IEC TS 27560:2023",
      record_id: "1b4e28ba-2fa1-51d2-883f-0016d3cca427",
      pii_principal_id: "sub_8f14e45fceea167a",
      purposes: [{ purpose_id: "newsletter", purpose: "Newsletter", lawful_basis: "consent", channel: "email", sale_or_sharing: false }],
      event: {
        event_time: "2026-03-01T09:30:00.000Z",
        event_type: "explicitly_expressed",
        event_state: "given",
        validity_duration: "P365D",
      },
    },
    verifyUrl: "https://privacy.northtrail.example/receipts/verify",
    jwksUrl: "https://privacy.northtrail.example/.well-known/jwks.json",
  },
  jwks: {
    keys: [
      {
        kty: "EC",
        crv: "P-256",
        x: "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
        y: "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
        kid,
        alg: "ES256",
        use: "sig",
      },
    ],
  },
  receiptNotFound: problem(
    "not-found",
    "No receipt: the subject has no event with this id. Use the eventId and subjectId a consent response returned.",
  ),
};
