"use client";
import { useTranslations } from "next-intl";

/** Recovery codes, shown this once: the store keeps only their hashes. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations("twoFactor");
  return (
    <section className="card stack" aria-labelledby="recovery-codes-h">
      <h2 id="recovery-codes-h">{t("recoveryHeading")}</h2>
      <p>{t("recoveryBody")}</p>
      <ul
        className="recovery-codes"
        aria-label={t("recoveryHeading")}
        style={{
          listStyle: "none",
          padding: 0,
          display: "grid",
          gridTemplateColumns: "repeat(auto-fill, minmax(9rem, 1fr))",
          gap: "0.5rem",
        }}
      >
        {codes.map((c) => (
          <li key={c}>
            <code style={{ fontSize: "1.05rem" }}>{c}</code>
          </li>
        ))}
      </ul>
      <p className="muted">{t("recoveryOnce")}</p>
      <div>
        <a className="button" href="/admin/profile/two-factor">
          {t("savedThem")}
        </a>
      </div>
    </section>
  );
}
