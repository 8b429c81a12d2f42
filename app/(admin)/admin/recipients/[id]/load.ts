import "server-only";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/server/session";
import { getRecipient } from "@/db/propagation";

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** The recipient named by the route's id; a malformed or unknown id is a 404. Call it after the page's permission check. */
export async function loadRecipient(params: Promise<{ id: string }>) {
  const parsed = idSchema.safeParse((await params).id);
  const recipient = parsed.success ? await getRecipient(parsed.data) : undefined;
  if (!recipient) notFound();
  return recipient;
}

/**
 * The page title: the recipient's name for whoever may read the registry, the section's name for anyone else
 * (the page itself refuses them and audits it once; the title must not name the vendor meanwhile).
 */
export async function recipientTitle(params: Promise<{ id: string }>): Promise<string> {
  const t = await getTranslations("recipients");
  const user = await getCurrentUser();
  if (!user || !can(user.role, "recipient:read")) return t("title");
  const parsed = idSchema.safeParse((await params).id);
  const recipient = parsed.success ? await getRecipient(parsed.data) : undefined;
  return recipient?.name ?? t("title");
}
