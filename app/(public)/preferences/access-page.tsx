import { getTranslations } from "next-intl/server";
import { CODE_TTL_MS, MAX_CODE_ATTEMPTS } from "@/lib/preferences/code";
import { codeRequestPolicy } from "@/lib/preferences/rate-limit";
import { getPendingCodeId } from "@/lib/server/preferences-session";
import { CodeStep, EmailStep } from "./access-forms";

/** The way in: an email for a one-time code, then the code. A signed link from the brand's site skips both. */
export async function AccessPage({ link, signedOut }: { link?: "expired" | "invalid"; signedOut: boolean }) {
  const t = await getTranslations("preferences.access");
  const waiting = (await getPendingCodeId()) !== null;
  return (
    <article className="stack" style={{ maxWidth: "36rem" }}>
      <header className="stack" style={{ gap: "0.5rem" }}>
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro")}</p>
      </header>
      {link ? (
        <p className="alert error" role="alert">
          {t(`link.${link}`)}
        </p>
      ) : null}
      {signedOut ? (
        <p className="alert ok" role="status">
          {t("signedOut")}
        </p>
      ) : null}
      <section className="card stack" aria-labelledby="access-step">
        {waiting ? (
          <>
            <h2 id="access-step">{t("codeTitle")}</h2>
            <p className="muted" style={{ margin: 0 }}>
              {t("codeHelp", { minutes: CODE_TTL_MS / 60_000, attempts: MAX_CODE_ATTEMPTS })}
            </p>
            <CodeStep />
          </>
        ) : (
          <>
            <h2 id="access-step">{t("emailTitle")}</h2>
            <p className="muted" style={{ margin: 0 }}>
              {t("emailHelp", { minutes: CODE_TTL_MS / 60_000, max: codeRequestPolicy.max, window: codeRequestPolicy.windowMs / 60_000 })}
            </p>
            <EmailStep />
          </>
        )}
      </section>
      <p className="muted">{t("linkHint")}</p>
    </article>
  );
}
