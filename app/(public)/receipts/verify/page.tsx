import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { VerifyForm } from "./verify-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  // What is pasted here is checked on the server and never kept, never sent on as a referrer.
  return { title: (await getTranslations("receipts.verify"))("metaTitle"), referrer: "no-referrer" };
}

/**
 * Anyone checks a signed consent receipt (issue 20): the signature against the brand's published keys,
 * current and retired, on the server; no session, no third-party script.
 */
export default async function VerifyReceiptPage() {
  const t = await getTranslations("receipts.verify");
  return (
    <article className="stack" aria-labelledby="verify-title">
      <h1 id="verify-title">{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <VerifyForm />
      <p className="muted">
        <a href="/.well-known/jwks.json">{t("keysLink")}</a>
      </p>
    </article>
  );
}
