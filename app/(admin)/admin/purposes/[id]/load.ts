import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getPurposeDetail } from "@/db/purposes";

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** The purpose named by the route's id; a malformed or unknown id is a 404. */
export async function loadPurpose(params: Promise<{ id: string }>) {
  const parsed = idSchema.safeParse((await params).id);
  const purpose = parsed.success ? await getPurposeDetail(parsed.data) : undefined;
  if (!purpose) notFound();
  return purpose;
}
