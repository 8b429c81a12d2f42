import "server-only";
import { headers } from "next/headers";

/** Candor's public address for links in messages: CANDOR_URL when set, else the host this request came to. */
export async function publicBaseUrl(): Promise<string> {
  if (process.env.CANDOR_URL) return process.env.CANDOR_URL.replace(/\/$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? `localhost:${process.env.PORT ?? 3000}`;
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}
