"use server";
import { signOut } from "@/lib/server/auth";

/** Ends the staff session. Open to anyone: signing out needs no permission. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
