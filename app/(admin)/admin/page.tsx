import { redirect } from "next/navigation";
import { homeFor } from "@/lib/auth/navigation";
import { getCurrentUser } from "@/lib/server/session";

/** /admin sends each role to its own home. */
export default async function AdminIndex() {
  const user = await getCurrentUser();
  redirect(user ? homeFor(user.role) : "/login");
}
