import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { hasObjected } from "@/lib/preferences/choices";
import { subjectChoice, type LegalBasis } from "@/lib/purposes/vocabulary";
import { ShortLayerList } from "@/components/notices/short-layer";
import { ChannelChoices, ConsentSwitch, KeepButton } from "./consent-controls";
import { ObjectButton } from "./object-button";
import type { PreferenceItem } from "./load";
import styles from "./preferences.module.css";

/** One purpose: its short notice, where the subject stands, and the one control that changes it. */
export async function PurposeCard({ item, gpcNow }: { item: PreferenceItem; gpcNow: boolean }) {
  const [t, tv, format, locale] = await Promise.all([
    getTranslations("preferences.card"),
    getTranslations("vocabulary"),
    getFormatter(),
    getLocale(),
  ]);
  const { purpose, version, locale: shown, consent: c } = item;
  const basis = purpose.legalBasis as LegalBasis;
  const choice = subjectChoice(basis);
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "long" }) : "");
  const titleId = `purpose-${purpose.key}`;
  const statusId = `status-${purpose.key}`;
  const notice = { purpose: purpose.key, noticeVersion: version.version, noticeLocale: shown };
  const on = c.state === "granted";
  const gpcBlocked = gpcNow && purpose.saleOrSharing && !on;
  // A standing limit on sensitive data stops the purpose whatever the ledger says; it is lifted only by the person's limit.
  const limited = c.limited;
  const status = limited
    ? t("status.limited")
    : choice === "consent"
      ? on
        ? c.expiresAt
          ? t("status.grantedUntil", { date: date(c.decidedAt), until: date(c.expiresAt) })
          : t("status.granted", { date: date(c.decidedAt) })
        : c.state === "none"
          ? t("status.none")
          : t(`status.${c.state}`, { date: date(c.state === "expired" ? c.expiresAt : c.decidedAt) })
      : choice === "objection"
        ? hasObjected({ legalBasis: basis, state: c.state })
          ? t("status.objected", { date: date(c.decidedAt) })
          : t("status.noObjection")
        : t("status.needed");
  return (
    <section className={`card stack ${styles.card}`} aria-labelledby={titleId} lang={shown}>
      <div className={styles.cardHead}>
        <div className="stack" style={{ gap: "0.25rem" }}>
          <h3 id={titleId} style={{ margin: 0 }}>
            {version.title}
          </h3>
          <p className="muted" style={{ margin: 0 }} lang={locale}>
            {tv(`basis.${basis}`)} · {t("version", { version: version.version })}
          </p>
        </div>
        {choice === "consent" && !limited ? (
          <ConsentSwitch notice={notice} on={on} titleId={titleId} statusId={statusId} blocked={gpcBlocked} />
        ) : null}
        {choice === "objection" && !limited && !hasObjected({ legalBasis: basis, state: c.state }) ? (
          <ObjectButton notice={notice} titleId={titleId} />
        ) : null}
      </div>
      <p id={statusId} className={styles.status} lang={locale}>
        {status}
      </p>
      {c.stale ? (
        <div className="alert warn stack" style={{ gap: "0.5rem" }} lang={locale}>
          <span>{t("stale")}</span>
          <KeepButton notice={notice} />
        </div>
      ) : null}
      {c.state === "expired" ? (
        <p className="alert warn" lang={locale}>
          {t("expired")}
        </p>
      ) : null}
      {gpcBlocked ? (
        <p className="alert ok" lang={locale}>
          {t("gpcBlocked")}
        </p>
      ) : null}
      {shown !== locale ? (
        <p className="alert warn" lang={locale}>
          {t("fallback")}
        </p>
      ) : null}
      {choice === "consent" && on && !limited && purpose.channels.length > 0 ? (
        <ChannelChoices notice={notice} channels={purpose.channels} granted={c.grantedChannels} />
      ) : null}
      <ShortLayerList layer={version.shortLayer} />
      <div lang={locale}>
        <Link href={`/notices/${purpose.key}`}>{t("readFull", { title: version.title })}</Link>
      </div>
    </section>
  );
}
