import { getTranslations } from "next-intl/server";
import { insecureWebhooksAllowed } from "@/lib/server/endpoint-check";

/** Says so on every recipient page while the development setting lets webhooks reach plain HTTP and local addresses. */
export async function InsecureWebhooksWarning() {
  if (!insecureWebhooksAllowed()) return null;
  const t = await getTranslations("recipients");
  return (
    <p className="alert warn" role="note" style={{ margin: 0 }}>
      {t.rich("insecureWarning", { code: (chunks) => <code>{chunks}</code> })}
    </p>
  );
}
