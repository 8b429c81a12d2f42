import { getLocale, getTranslations } from "next-intl/server";
import { gpcHonoured, purposesToWithdraw } from "@/lib/preferences/choices";
import { maskEmail } from "@/lib/preferences/mask";
import { subjectChoice, type LegalBasis } from "@/lib/purposes/vocabulary";
import { gpcSignal } from "@/lib/server/preferences-record";
import { SESSION_TTL_MS } from "@/lib/server/preferences-session";
import type { Subject } from "@/db/consent";
import { signOutAction } from "./actions";
import { GuardianProvider } from "./guardian";
import { History } from "./history";
import { loadPreferenceCenter } from "./load";
import { PurposeCard } from "./purpose-card";
import { WithdrawAll } from "./withdraw-all";
import { RightsLinks } from "./rights-links";
import { LimitSensitive } from "./limit-sensitive";

const groups = ["consent", "objection", "none"] as const;

/** The subject's choices, purpose by purpose, grouped like the public notice, then their history. */
export async function PreferenceCenter({ subject }: { subject: Subject }) {
  const [t, tn, locale, gpcNow] = await Promise.all([
    getTranslations("preferences"),
    getTranslations("publicNotice"),
    getLocale(),
    gpcSignal(),
  ]);
  const { items, events, titles } = await loadPreferenceCenter(subject, locale);
  const states = items.map((i) => ({ ...i.consent, legalBasis: i.purpose.legalBasis as LegalBasis }));
  const withdrawable = purposesToWithdraw(states).length;
  return (
    <article className="stack">
      <header className="row" style={{ justifyContent: "space-between", alignItems: "flex-start" }}>
        <div className="stack" style={{ gap: "0.35rem", flex: "1 1 24rem" }}>
          <h1>{t("title")}</h1>
          <p className="lead">{t("intro")}</p>
          <p className="muted" style={{ margin: 0 }}>
            {t("signedInAs", { email: maskEmail(subject.email) ?? t("noEmail"), minutes: SESSION_TTL_MS / 60_000 })}
          </p>
        </div>
        <form action={signOutAction}>
          <button type="submit" className="button secondary">
            {t("signOut")}
          </button>
        </form>
      </header>
      {gpcNow || gpcHonoured(states) ? (
        <p className="alert ok" role="status">
          {t("gpcHonoured")}
        </p>
      ) : null}
      {groups.map((group) => {
        const mine = items.filter((i) => subjectChoice(i.purpose.legalBasis) === group);
        if (mine.length === 0) return null;
        const cards = mine.map((item) => <PurposeCard key={item.purpose.id} item={item} gpcNow={gpcNow} />);
        return (
          <section key={group} className="stack" aria-labelledby={`group-${group}`}>
            <h2 id={`group-${group}`}>{tn(`groups.${group}`)}</h2>
            <p className="muted" style={{ margin: 0 }}>
              {tn(`groupHints.${group}`)}
            </p>
            {group === "consent" ? <GuardianProvider required={subject.isMinor}>{cards}</GuardianProvider> : cards}
          </section>
        );
      })}
      <section className="card stack" aria-labelledby="withdraw-all">
        <h2 id="withdraw-all">{t("withdrawAll.title")}</h2>
        <p style={{ margin: 0 }}>{t("withdrawAll.body", { count: withdrawable })}</p>
        <WithdrawAll count={withdrawable} />
      </section>
      <LimitSensitive
        subject={subject}
        flagged={items.filter((i) => i.purpose.sensitiveBeyondPermitted).map((i) => ({ key: i.purpose.key, title: i.version.title }))}
      />
      <RightsLinks subjectId={subject.id} />
      <History
        events={events}
        titles={titles}
        objections={new Set(items.filter((i) => subjectChoice(i.purpose.legalBasis) === "objection").map((i) => i.purpose.key))}
      />
    </article>
  );
}
