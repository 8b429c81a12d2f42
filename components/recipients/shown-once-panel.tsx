"use client";
import { useTranslations } from "next-intl";
import { ShownOnce } from "../ui/shown-once";

/** A recipient's new webhook secret or feed key, shown once (components/ui/shown-once.tsx). */
export function ShownOncePanel({
  kind,
  value,
  recipientName,
}: {
  kind: "webhook-secret" | "feed-key";
  value: string;
  recipientName: string;
}) {
  const t = useTranslations("recipients.shownOnce");
  const words = {
    title: t(`${kind}.title`, { name: recipientName }),
    warning: t(`${kind}.warning`),
    label: t(`${kind}.label`),
    copy: t("copy"),
    copied: t("copied"),
    copyFailed: t("copyFailed"),
    dismiss: t("dismiss"),
  };
  return <ShownOnce value={value} words={words} />;
}
