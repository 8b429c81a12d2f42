"use client";
import { useTranslations } from "next-intl";
import { ShownOnce } from "@/components/ui/shown-once";
import type { NewKey } from "./actions";

/** A new key's plaintext, shown once (components/ui/shown-once.tsx). */
export function NewKeyPanel({ created }: { created: NewKey }) {
  const t = useTranslations("apiKeys");
  const words = {
    title: t("newKeyTitle", { name: created.name }),
    warning: t("newKeyWarning"),
    label: t(created.kind === "secret" ? "newSecretKey" : "newPublishableKey"),
    copy: t("copy"),
    copied: t("copied"),
    copyFailed: t("copyFailed"),
    dismiss: t("dismiss"),
  };
  return <ShownOnce value={created.plaintext} words={words} heading="h2" />;
}
