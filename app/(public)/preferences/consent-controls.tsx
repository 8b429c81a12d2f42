"use client";
import { useOptimistic } from "react";
import { useTranslations } from "next-intl";
import { setChannelAction, setConsentAction } from "./actions";
import { preferenceForm, usePreferenceAction, type ShownNotice } from "./use-preference-action";
import styles from "./preferences.module.css";

function ActionError({ error }: { error?: string }) {
  const t = useTranslations("preferences.errors");
  return (
    <span className={styles.error} role="status" aria-live="polite">
      {error ? (t.has(error) ? t(error) : t("unexpected")) : null}
    </span>
  );
}

/** A real switch: one click turns consent on, one click turns it off. */
export function ConsentSwitch(props: { notice: ShownNotice; on: boolean; titleId: string; statusId: string; blocked: boolean }) {
  const t = useTranslations("preferences.card");
  const { pending, run, formError } = usePreferenceAction(setConsentAction);
  const [shownOn, setShownOn] = useOptimistic(props.on);
  const blocked = props.blocked && !props.on;
  return (
    <div className={styles.switchBox}>
      <button
        type="button"
        role="switch"
        aria-checked={shownOn}
        aria-labelledby={props.titleId}
        aria-describedby={props.statusId}
        aria-disabled={blocked || pending || undefined}
        aria-busy={pending || undefined}
        className={styles.switch}
        onClick={() => {
          if (blocked) return;
          // From what the subject sees: a second press before the page refreshes undoes the first, not repeats it.
          const next = !shownOn;
          run(preferenceForm(props.notice, { choice: next ? "on" : "off" }), { grant: next, optimistic: () => setShownOn(next) });
        }}
      >
        <span className={styles.track} aria-hidden="true">
          <span className={styles.thumb} />
        </span>
        <span aria-hidden="true">{shownOn ? t("on") : t("off")}</span>
      </button>
      <ActionError error={formError} />
    </div>
  );
}

/** Re-confirms a grant made before a material change of the notice. */
export function KeepButton({ notice }: { notice: ShownNotice }) {
  const t = useTranslations("preferences.card");
  const { pending, run, formError } = usePreferenceAction(setConsentAction);
  return (
    <div className="row">
      <button
        type="button"
        className="button small"
        aria-busy={pending || undefined}
        onClick={() => run(preferenceForm(notice, { choice: "on" }), { grant: true })}
      >
        {t("keep")}
      </button>
      <ActionError error={formError} />
    </div>
  );
}

/** The channels a consent covers, each its own checkbox; changes apply at once. */
export function ChannelChoices({ notice, channels, granted }: { notice: ShownNotice; channels: string[]; granted: string[] }) {
  const t = useTranslations("preferences.card");
  const tv = useTranslations("vocabulary.channel");
  const { pending, run, formError } = usePreferenceAction(setChannelAction);
  const [shown, setShown] = useOptimistic(granted);
  return (
    <fieldset className={styles.channels} aria-busy={pending || undefined}>
      <legend>{t("channels")}</legend>
      <div className="tags" style={{ gap: "0.5rem 1.25rem" }}>
        {channels.map((ch) => (
          <label key={ch} className="row" style={{ gap: "0.4rem" }}>
            <input
              type="checkbox"
              checked={shown.includes(ch)}
              onChange={(e) => {
                const on = e.target.checked;
                run(preferenceForm(notice, { channel: ch, on: String(on) }), {
                  grant: on,
                  optimistic: () => setShown(on ? [...shown, ch] : shown.filter((x) => x !== ch)),
                });
              }}
            />
            {tv.has(ch) ? tv(ch) : ch}
          </label>
        ))}
      </div>
      <ActionError error={formError} />
    </fieldset>
  );
}
