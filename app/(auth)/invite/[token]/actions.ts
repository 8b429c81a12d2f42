"use server";
import { redirect } from "next/navigation";
import { linkTokenHash } from "@/lib/auth/link-token";
import { AuthError } from "next-auth";
import type { ActionResult } from "@/lib/forms";
import { acceptInviteSchema } from "@/lib/staff/invite-schemas";
import { limitAddress, runPublicAction } from "@/lib/server/action";
import { signIn } from "@/lib/server/auth";
import { hashPassword } from "@/lib/server/passwords";
import { signInTicket } from "@/lib/server/sealing";
import { acceptInvite } from "@/db/staff";

/**
 * The invitee chooses their password: the account is created once from the invitation (a used,
 * expired or withdrawn link creates nothing), then they are signed in with it.
 */
const staleLink = ["invite-expired", "invite-used", "invite-revoked", "invite-unknown"];

export async function acceptInviteAction(_prev: ActionResult<string>, form: FormData): Promise<ActionResult<string>> {
  const result = await runPublicAction(acceptInviteSchema, form, async ({ token, password }) => {
    await limitAddress("sign-in", "rate-limited");
    const passwordHash = await hashPassword(password);
    const user = await acceptInvite(linkTokenHash(token), passwordHash);
    return { ok: true, data: signInTicket(user.id, passwordHash) };
  });
  if (!result.ok) {
    // The link went stale while the page was open: show the page that says why.
    if (staleLink.includes(result.formError ?? "")) redirect(`/invite/${encodeURIComponent(String(form.get("token")))}`);
    return result;
  }
  try {
    await signIn("credentials", { ticket: result.data, redirectTo: "/admin" });
  } catch (error) {
    // The account exists; should signing in fail now, the sign-in page is the way in.
    if (error instanceof AuthError) redirect("/login");
    throw error; // the redirect after a successful sign-in travels as an exception
  }
  return { ok: true };
}
