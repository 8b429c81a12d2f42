import "server-only";
import { alias } from "drizzle-orm/sqlite-core";
import { desc, eq } from "drizzle-orm";
import { db } from "../client";
import { policyVersions, staffUsers, type PolicyVersion } from "../schema";

export type PolicyVersionRow = PolicyVersion & { generatedByName: string | null; reviewerName: string | null };

const generator = alias(staffUsers, "generator");
const reviewer = alias(staffUsers, "reviewer");

function rows(where?: ReturnType<typeof eq>): PolicyVersionRow[] {
  const q = db
    .select({ v: policyVersions, generatedByName: generator.name, reviewerName: reviewer.name })
    .from(policyVersions)
    .leftJoin(generator, eq(generator.id, policyVersions.generatedById))
    .leftJoin(reviewer, eq(reviewer.id, policyVersions.reviewerId));
  return (where ? q.where(where) : q)
    .orderBy(desc(policyVersions.version))
    .all()
    .map((r) => ({ ...r.v, generatedByName: r.generatedByName, reviewerName: r.reviewerName }));
}

/** Every version, newest first. */
export function listPolicyVersions(): PolicyVersionRow[] {
  return rows();
}

export function getPolicyVersion(id: number): PolicyVersionRow | undefined {
  return rows(eq(policyVersions.id, id))[0];
}

/** The policy in force: the published version, if any. */
export function getPublishedPolicy(): PolicyVersionRow | undefined {
  return rows(eq(policyVersions.status, "published"))[0];
}

/** Messages a material change sent, by language: how many went out in each. */
export function countPolicyChangeMessages(versionId: number): Record<string, number> {
  const out: Record<string, number> = {};
  const list = db.$client
    .prepare("SELECT locale, COUNT(*) AS n FROM policy_change_messages WHERE version_id = ? GROUP BY locale")
    .all(versionId) as { locale: string; n: number }[];
  for (const r of list) out[r.locale] = r.n;
  return out;
}
