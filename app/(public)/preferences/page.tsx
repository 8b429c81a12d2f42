import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getPreferencesSubject } from "@/lib/server/preferences-session";
import { AccessPage } from "./access-page";
import { PreferenceCenter } from "./preference-center";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("preferences"))("title"), robots: { index: false } };
}

// Only codes, never personal data, travel in this page's query string.
const noticeSchema = z.object({
  link: z.enum(["expired", "invalid"]).optional().catch(undefined),
  "signed-out": z.literal("1").optional().catch(undefined),
});

/** The subject's preference center: their choices with a session, otherwise the way in. */
export default async function PreferencesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const subject = await getPreferencesSubject();
  if (subject) return <PreferenceCenter subject={subject} />;
  const q = noticeSchema.parse(await searchParams);
  return <AccessPage link={q.link} signedOut={Boolean(q["signed-out"])} />;
}
