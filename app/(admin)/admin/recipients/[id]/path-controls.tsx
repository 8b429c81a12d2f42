"use client";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { useEndpointRefusal } from "@/components/recipients/endpoint-refusal";
import { ShownOncePanel } from "@/components/recipients/shown-once-panel";
import { disablePathAction, enablePathAction, rotateWebhookSecretAction } from "../actions";

type Ref = { recipientId: number; pathId: number };

function Hidden({ refs }: { refs: Ref }) {
  return (
    <>
      <input type="hidden" name="recipientId" value={refs.recipientId} />
      <input type="hidden" name="pathId" value={refs.pathId} />
    </>
  );
}

/**
 * Rotating asks once more, in place: the recipient must switch to the new secret within 24 hours, after which
 * deliveries signed only with it fail its checks. The new secret is shown once.
 */
export function RotateSecretControl({ refs, recipientName, label }: { refs: Ref; recipientName: string; label: string }) {
  const t = useTranslations("recipients.paths");
  const { state, form } = useFormAction(rotateWebhookSecretAction);
  const shown = state.ok ? state.data : undefined;
  // Confirming belongs to the secret on show when it began: once a new secret arrives, the question is closed.
  const [askedAt, setAskedAt] = useState<string | null>(null);
  const confirming = askedAt !== null && askedAt === (shown?.value ?? "");
  const setConfirming = (on: boolean) => setAskedAt(on ? (shown?.value ?? "") : null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);
  return (
    <div className="stack" style={{ gap: "0.5rem" }}>
      {shown ? <ShownOncePanel key={shown.value} kind={shown.kind} value={shown.value} recipientName={recipientName} /> : null}
      {confirming ? (
        <form {...form} className="stack" style={{ gap: "0.5rem" }} role="group" aria-label={label}>
          <Hidden refs={refs} />
          <p style={{ margin: 0 }}>{t("rotateConfirm")}</p>
          <div className="row" style={{ gap: "0.4rem" }}>
            <SubmitButton className="button small" pendingLabel={t("rotating")}>
              {t("rotateYes")}
            </SubmitButton>
            <button ref={cancelRef} type="button" className="button secondary small" onClick={() => setConfirming(false)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : (
        <div>
          <button type="button" className="button secondary small" onClick={() => setConfirming(true)}>
            {label}
          </button>
        </div>
      )}
      {state.ok ? null : <FormMessage error={state.formError} />}
    </div>
  );
}

/** Switches a path off; a feed's help says its key is revoked with it. */
function DisableForm({ refs, label, help }: { refs: Ref; label: string; help?: string }) {
  const t = useTranslations("recipients.paths");
  const { state, form } = useFormAction(disablePathAction);
  return (
    <form {...form} className="stack" style={{ gap: "0.4rem" }}>
      <Hidden refs={refs} />
      {help ? (
        <p className="muted" style={{ margin: 0 }}>
          {help}
        </p>
      ) : null}
      <div>
        <SubmitButton className="button danger small" pendingLabel={t("saving")}>
          {label}
        </SubmitButton>
      </div>
      <FormMessage error={state.ok ? undefined : state.formError} />
    </form>
  );
}

/** Switches a path back on, with the state of the caller's enable action: a refused endpoint says why. */
function EnableForm({ refs, label, help, action }: { refs: Ref; label: string; help?: string; action: ReturnType<typeof useEnable> }) {
  const t = useTranslations("recipients.paths");
  const refusal = useEndpointRefusal();
  const { state, form } = action;
  const urlError = state.ok ? undefined : state.fieldErrors?.url?.[0];
  return (
    <form {...form} className="stack" style={{ gap: "0.4rem" }}>
      <Hidden refs={refs} />
      {help ? (
        <p className="muted" style={{ margin: 0 }}>
          {help}
        </p>
      ) : null}
      <div>
        <SubmitButton className="button small" pendingLabel={t("saving")}>
          {label}
        </SubmitButton>
      </div>
      {urlError ? (
        <p className="alert error" role="status" style={{ margin: 0 }}>
          {t("enableRefused", { reason: refusal(urlError, state.ok ? undefined : state.values) })}
        </p>
      ) : (
        <FormMessage error={state.ok ? undefined : state.formError} />
      )}
    </form>
  );
}

const useEnable = () => useFormAction(enablePathAction);

/**
 * Switches a webhook or email path off or back on; turning a webhook back on checks its endpoint again. Keyed by
 * the path's status where it is used, so a message belongs to the switch that produced it.
 */
export function TogglePathControl({ refs, active, label }: { refs: Ref; active: boolean; label: string }) {
  const enable = useEnable();
  return active ? <DisableForm refs={refs} label={label} /> : <EnableForm refs={refs} label={label} action={enable} />;
}

/**
 * Switches a feed off (its key is revoked at once) or back on with a new key, shown once. Not keyed by status:
 * the new key's panel must stay mounted when the page refreshes with the feed on again.
 */
export function FeedToggleControl({
  refs,
  active,
  label,
  recipientName,
}: {
  refs: Ref;
  active: boolean;
  label: string;
  recipientName: string;
}) {
  const t = useTranslations("recipients.paths");
  const enable = useEnable();
  const shown = active && enable.state.ok ? enable.state.data : undefined;
  return (
    // The whole width of the path's row: the help and a key's panel wrap within it on a phone.
    <div className="stack" style={{ gap: "0.5rem", flex: "1 1 100%", minWidth: 0 }}>
      {shown ? <ShownOncePanel key={shown.value} kind={shown.kind} value={shown.value} recipientName={recipientName} /> : null}
      {active ? (
        <DisableForm refs={refs} label={label} help={t("feedDisableHelp")} />
      ) : (
        <EnableForm refs={refs} label={label} help={t("feedEnableHelp")} action={enable} />
      )}
    </div>
  );
}
