import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <main className="auth-page">
      <div className="card auth-card stack">
        <h1>{t("forbiddenTitle")}</h1>
        <p>{t("forbiddenBody")}</p>
        <Link href="/admin">{t("backHome")}</Link>
      </div>
    </main>
  );
}
