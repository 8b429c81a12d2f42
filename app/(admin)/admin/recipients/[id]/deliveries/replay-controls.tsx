"use client";
import { createContext, useContext, useEffect, useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { initialActionState, type ActionResult } from "@/lib/forms";
import { useHydrated } from "@/components/ui/use-hydrated";
import { replayDeliveryAction, replayParkedAction, type ReplayCounts } from "./actions";

type Result = ActionResult<ReplayCounts>;
const Announce = createContext<(result: Result) => void>(() => {});

/** The sentences a replay's result is said in: how many were queued again, superseded, or left parked. */
function useSaid(result: Result | null): { tone: "ok" | "error"; text: string } | null {
  const t = useTranslations("deliveries");
  const te = useTranslations("errors");
  if (!result) return null;
  if (!result.ok) {
    const code = result.formError ?? "invalid";
    const key = `replay.errors.${code}`;
    return { tone: "error", text: t.has(key) ? t(key) : te.has(code) ? te(code) : te("unexpected") };
  }
  const c = result.data ?? { queued: 0, superseded: 0, refused: 0 };
  if (c.queued + c.superseded + c.refused === 0) return { tone: "ok", text: t("replay.result.none") };
  const parts = (["queued", "superseded", "refused"] as const).filter((k) => c[k] > 0);
  return { tone: "ok", text: parts.map((k) => t(`replay.result.${k}`, { count: c[k] })).join(" ") };
}

/**
 * Holds the last replay's result above the list. A replayed row loses its button (or leaves a filtered
 * list) in the same render that brings the result, so the result lives here, and the focus moves to it
 * so a keyboard user hears what happened instead of landing nowhere.
 */
export function ReplayResults({ children }: { children: ReactNode }) {
  const [result, setResult] = useState<Result | null>(null);
  const said = useSaid(result);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (result) ref.current?.focus();
  }, [result]);
  return (
    <Announce.Provider value={setResult}>
      <div role="status" aria-live="polite">
        {said ? (
          <p ref={ref} tabIndex={-1} className={`alert ${said.tone}`} data-testid="replay-result">
            {said.text}
          </p>
        ) : null}
      </div>
      {children}
    </Announce.Provider>
  );
}

/** Submits a replay form to its action and hands the result to the page's announcer, even if the form is gone by then. */
function useReplay(action: (prev: Result, form: FormData) => Promise<Result>) {
  const announce = useContext(Announce);
  const [pending, start] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    start(async () => announce(await action(initialActionState, data)));
  };
  return { pending, onSubmit };
}

/** Replays one parked delivery. */
export function ReplayDeliveryButton({ recipientId, deliveryId, uid }: { recipientId: number; deliveryId: number; uid: string }) {
  const t = useTranslations("deliveries");
  const { pending, onSubmit } = useReplay(replayDeliveryAction);
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="recipientId" value={recipientId} />
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <button type="submit" className="button small" disabled={pending} aria-busy={pending} aria-label={t("replay.oneLabel", { uid })}>
        {pending ? t("replay.replaying") : t("replay.one")}
      </button>
    </form>
  );
}

/** Replays every parked delivery of the recipient, after asking once more in place. */
export function ReplayParkedButton({ recipientId, parked }: { recipientId: number; parked: number }) {
  const t = useTranslations("deliveries");
  const { pending, onSubmit } = useReplay(replayParkedAction);
  const [confirming, setConfirming] = useState(false);
  // The button only opens the confirmation through its script: until the page has hydrated it is disabled, not dead.
  const hydrated = useHydrated();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return parked > 0 || pending ? (
      <button type="button" className="button" onClick={() => setConfirming(true)} disabled={pending || !hydrated} aria-busy={pending}>
        {pending ? t("replay.replaying") : t("replay.all", { count: parked })}
      </button>
    ) : null;
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    onSubmit(event);
    setConfirming(false);
  };
  return (
    <form onSubmit={submit} className="card stack" role="group" aria-label={t("replay.allConfirmLabel")}>
      <input type="hidden" name="recipientId" value={recipientId} />
      <p style={{ margin: 0 }}>{t("replay.allConfirm", { count: parked })}</p>
      <div className="row" style={{ gap: "0.4rem" }}>
        <button type="submit" className="button small" disabled={pending}>
          {t("replay.allYes")}
        </button>
        <button ref={cancelRef} type="button" className="button secondary small" onClick={() => setConfirming(false)}>
          {t("replay.cancel")}
        </button>
      </div>
    </form>
  );
}
