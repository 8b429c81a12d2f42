"use client";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { withdrawAllAction } from "./actions";
import { usePreferenceAction } from "./use-preference-action";

/** One button, then one confirmation: withdraws every consent given, in one go. */
export function WithdrawAll({ count }: { count: number }) {
  const t = useTranslations("preferences.withdrawAll");
  const te = useTranslations("preferences.errors");
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const { pending, run, formError } = usePreferenceAction(withdrawAllAction);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  if (count === 0)
    return (
      <p className="muted" style={{ margin: 0 }}>
        {t("nothing")}
      </p>
    );
  return (
    <div className="stack" style={{ gap: "0.5rem" }}>
      {confirming ? (
        <div className="alert warn stack" style={{ gap: "0.5rem" }} role="group" aria-labelledby="withdraw-all-confirm">
          <p id="withdraw-all-confirm" style={{ margin: 0 }}>
            {t("confirm", { count })}
          </p>
          <div className="row">
            <button
              ref={confirmRef}
              type="button"
              className="button danger"
              aria-busy={pending || undefined}
              onClick={() => {
                const form = new FormData();
                form.set("confirm", "yes");
                run(form);
                setConfirming(false);
              }}
            >
              {t("yes", { count })}
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : (
        <div>
          <button type="button" className="button danger" onClick={() => setConfirming(true)}>
            {t("button")}
          </button>
        </div>
      )}
      <span role="status" aria-live="polite">
        {formError ? <span className="alert error">{te.has(formError) ? te(formError) : te("unexpected")}</span> : null}
      </span>
    </div>
  );
}
