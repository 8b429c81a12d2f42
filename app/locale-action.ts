"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { locales, localeCookie, type Locale } from "@/lib/i18n/config";

const localeSchema = z.enum(locales);

/** Remembers the visitor's interface language for a year. Open to everyone: it changes nothing but their own view. */
export async function setLocaleAction(locale: Locale): Promise<void> {
  const parsed = localeSchema.safeParse(locale);
  if (!parsed.success) return;
  (await cookies()).set(localeCookie, parsed.data, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
}
