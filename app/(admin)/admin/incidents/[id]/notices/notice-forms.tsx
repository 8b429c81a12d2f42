"use client";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { decideNoticeBatchAction, endPublicNoticeAction, requestNoticeBatchAction } from "./actions";

type Messages = ReturnType<typeof useTranslations<"incidentNotices">>;

/** The outcome of one of the tab's actions in the reader's words: a refusal from the errors, a success from its section. */
function Outcome({
  state,
  t,
  section,
}: {
  state: ReturnType<typeof useFormAction>["state"];
  t: Messages;
  section: "send" | "batches" | "public";
}) {
  const error = state.ok ? null : (state.formError ?? Object.values(state.fieldErrors ?? {})[0]?.[0] ?? "unexpected");
  const errorKey = `errors.${error}` as "errors.unexpected";
  const successKey = `${section}.${state.ok ? state.message : ""}` as "send.requested";
  return (
    <div aria-live="polite" role="status">
      {error ? <p className="alert error">{t.has(errorKey) ? t(errorKey) : t("errors.unexpected")}</p> : null}
      {state.ok && state.message && t.has(successKey) ? <p className="alert ok">{t(successKey)}</p> : null}
    </div>
  );
}

/** A form of hidden fields and one button, for a step on a batch or a public notice. */
function StepForm(props: {
  action: FormAction;
  fields: Record<string, string | number>;
  label: string;
  pendingLabel: string;
  section: "batches" | "public";
  secondary?: boolean;
  name: string;
}) {
  const t = useTranslations("incidentNotices");
  const { state, form } = useFormAction(props.action);
  return (
    <form {...form} aria-label={props.name}>
      {Object.entries(props.fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <SubmitButton className={props.secondary ? "button secondary" : "button"} pendingLabel={props.pendingLabel}>
        {props.label}
      </SubmitButton>
      <Outcome state={state} t={t} section={props.section} />
    </form>
  );
}

/** Asks for a batch to the people of the chosen places (each place's affected count beside it). */
export function SendNoticesForm(props: {
  incidentId: number;
  drill: boolean;
  /** Each place with how many of its affected people no batch has told yet; places with none start unticked. */
  places: { value: string; label: string; toTell: number }[];
  children?: ReactNode;
}) {
  const t = useTranslations("incidentNotices");
  const { state, form } = useFormAction(requestNoticeBatchAction);
  const fieldError = state.ok ? undefined : state.fieldErrors?.jurisdictions?.[0];
  return (
    <form {...form} className="stack" aria-label={t("send.title")} noValidate>
      <input type="hidden" name="incidentId" value={props.incidentId} />
      <fieldset className="field" aria-describedby="send-help" aria-invalid={fieldError ? true : undefined}>
        <legend style={{ fontWeight: 600, fontSize: "0.9rem" }}>{t("send.choose")}</legend>
        <span className="help" id="send-help">
          {t("send.help")}
        </span>
        <div className="tags" style={{ gap: "0.5rem 1rem" }}>
          {props.places.map((o) => (
            <label key={o.value} className="row" style={{ gap: "0.35rem" }}>
              <input type="checkbox" name="jurisdictions" value={o.value} defaultChecked={o.toTell > 0} />
              {o.label}
            </label>
          ))}
        </div>
      </fieldset>
      {props.children}
      <div>
        <SubmitButton pendingLabel={t("send.pending")}>{props.drill ? t("send.submitDrill") : t("send.submit")}</SubmitButton>
      </div>
      <Outcome state={state} t={t} section="send" />
    </form>
  );
}

/** Approve or decline, for a privacy officer other than the one who asked. */
export function DecideBatchForms({ incidentId, batchId }: { incidentId: number; batchId: number }) {
  const t = useTranslations("incidentNotices.batches");
  return (
    <div className="row" style={{ gap: "0.75rem", flexWrap: "wrap", alignItems: "flex-start" }}>
      <StepForm
        action={decideNoticeBatchAction}
        fields={{ incidentId, batchId, decision: "approve" }}
        label={t("approve")}
        pendingLabel={t("deciding")}
        section="batches"
        name={t("approve")}
      />
      <StepForm
        action={decideNoticeBatchAction}
        fields={{ incidentId, batchId, decision: "decline" }}
        label={t("decline")}
        pendingLabel={t("deciding")}
        section="batches"
        secondary
        name={t("decline")}
      />
    </div>
  );
}

/** Takes a public notice down (the server refuses it before 30 days). */
export function EndPublicNoticeForm({ incidentId, publicNoticeId }: { incidentId: number; publicNoticeId: number }) {
  const t = useTranslations("incidentNotices.public");
  return (
    <StepForm
      action={endPublicNoticeAction}
      fields={{ incidentId, publicNoticeId }}
      label={t("end")}
      pendingLabel={t("ending")}
      section="public"
      secondary
      name={t("end")}
    />
  );
}
