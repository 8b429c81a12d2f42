import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { timestamp, createdAt } from "./columns";

/**
 * The brand's ES256 keys that sign consent receipts (issue 20). The one row with no retired_at signs; retired
 * rows keep their public key published at /.well-known/jwks.json so a receipt signed before a rotation still
 * verifies. The private key is stored sealed under a key derived from the server secret (lib/server/sealing.ts).
 */
export const receiptSigningKeys = sqliteTable(
  "receipt_signing_keys",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The RFC 7638 thumbprint of the public key: the JWS `kid` header and the JWKS entry's `kid`. */
    kid: text("kid").notNull().unique(),
    /** The public JWK (kty, crv, x, y), published. */
    publicJwk: text("public_jwk", { mode: "json" }).$type<{ kty: string; crv: string; x: string; y: string }>().notNull(),
    /** The private JWK, AES-256-GCM sealed; never leaves the server. */
    sealedPrivateKey: text("sealed_private_key").notNull(),
    createdAt: createdAt(),
    retiredAt: timestamp("retired_at"),
  },
  (t) => [index("receipt_signing_keys_retired_idx").on(t.retiredAt)],
);

export type ReceiptSigningKey = typeof receiptSigningKeys.$inferSelect;
