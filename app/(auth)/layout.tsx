import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { clientNamespaces, pickMessages } from "@/lib/i18n/client-namespaces";

/** Sign-in and invitations: their client components get only their own messages (lib/i18n/client-namespaces.ts). */
export default async function AuthLayout({ children }: { children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, clientNamespaces.auth)}>{children}</NextIntlClientProvider>;
}
