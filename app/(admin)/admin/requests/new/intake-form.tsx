"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { jurisdictions } from "@/lib/jurisdictions";
import { requestTypes, staffIntakes } from "@/lib/requests/vocabulary";
import { fromLocalInput, isLateEntry, LATE_ENTRY_DAYS } from "@/lib/requests/receipt";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { createRequestAction } from "./actions";
import { AgentFields } from "@/components/requests/agent-fields";

/**
 * Staff intake for a call, letter or email; field errors show beside each field.
 * `now` is the page's moment on the brand's clock (`timeZone`), the default receipt time.
 */
export function IntakeForm({ timeZone, now }: { timeZone: string; now: string }) {
  const t = useTranslations("requestDetail");
  const tq = useTranslations("requests");
  const { state, form } = useFormAction(createRequestAction);
  const [late, setLate] = useState(false);
  const onReceived = (value: string) => {
    const at = fromLocalInput(value, timeZone);
    setLate(at !== null && isLateEntry(at, new Date()));
  };
  const err = (f: string) => {
    const code = state.ok ? undefined : state.fieldErrors?.[f]?.[0];
    return code ? (t.has(`errors.${code}`) ? t(`errors.${code}`, { days: LATE_ENTRY_DAYS }) : t("errors.invalid")) : "";
  };
  const field = (name: string, label: string, control: React.ReactNode, help?: string) => (
    <div className="field">
      <label htmlFor={`in-${name}`}>{label}</label>
      {control}
      {help ? (
        <span className="help" id={`in-${name}-help`}>
          {help}
        </span>
      ) : null}
      <span className="error" id={`in-${name}-error`} aria-live="polite">
        {err(name)}
      </span>
    </div>
  );
  const describedBy = (name: string) => `in-${name}-error`;
  return (
    <form {...form} className="card stack" aria-label={t("intakeTitle")}>
      <div className="form-grid">
        {field(
          "type",
          t("type"),
          <select id="in-type" name="type" aria-describedby={describedBy("type")}>
            {requestTypes.map((x) => (
              <option key={x} value={x}>
                {tq(`types.${x}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          "jurisdiction",
          t("jurisdiction"),
          <select id="in-jurisdiction" name="jurisdiction" aria-describedby={describedBy("jurisdiction")}>
            {jurisdictions.map((j) => (
              <option key={j} value={j}>
                {j}
              </option>
            ))}
          </select>,
        )}
        {field(
          "intake",
          t("channel"),
          <select id="in-intake" name="intake" aria-describedby={describedBy("intake")}>
            {staffIntakes.map((x) => (
              <option key={x} value={x}>
                {t(`intakes.${x}`)}
              </option>
            ))}
          </select>,
        )}
      </div>
      <div className="form-grid">
        {field(
          "receivedAt",
          t("receivedAt", { zone: timeZone }),
          <input
            id="in-receivedAt"
            name="receivedAt"
            type="datetime-local"
            defaultValue={now}
            onChange={(e) => onReceived(e.target.value)}
            aria-describedby={`in-receivedAt-help ${describedBy("receivedAt")}`}
            aria-invalid={Boolean(err("receivedAt"))}
          />,
          t("receivedAtHelp"),
        )}
        {field(
          "lateReason",
          t("lateReason"),
          <textarea
            id="in-lateReason"
            name="lateReason"
            rows={2}
            maxLength={2000}
            aria-required={late}
            aria-describedby={`in-lateReason-help ${describedBy("lateReason")}`}
            aria-invalid={Boolean(err("lateReason"))}
          />,
          t(late ? "lateReasonNeeded" : "lateReasonHelp", { days: LATE_ENTRY_DAYS }),
        )}
      </div>
      <div className="form-grid">
        {field(
          "email",
          t("email"),
          <input
            id="in-email"
            name="email"
            type="email"
            maxLength={254}
            aria-describedby={`in-email-help ${describedBy("email")}`}
            aria-invalid={Boolean(err("email"))}
          />,
          t("contactHelp"),
        )}
        {field(
          "externalId",
          t("externalId"),
          <input
            id="in-externalId"
            name="externalId"
            maxLength={128}
            aria-describedby={describedBy("externalId")}
            aria-invalid={Boolean(err("externalId"))}
          />,
        )}
        {field("name", t("name"), <input id="in-name" name="name" maxLength={200} aria-describedby={describedBy("name")} />)}
      </div>
      {field(
        "details",
        t("details"),
        <textarea id="in-details" name="details" rows={3} maxLength={4000} aria-describedby={describedBy("details")} />,
      )}
      <AgentFields
        audience="staff"
        errors={state.ok ? {} : (state.fieldErrors ?? {})}
        errorText={(k) => (t.has(`errors.${k}`) ? t(`errors.${k}`) : t("errors.invalid"))}
      />
      <div>
        <SubmitButton className="button">{t("create")}</SubmitButton>
      </div>
      <div aria-live="polite" role="status">
        {!state.ok && state.formError ? (
          <p className="alert error">{t.has(`errors.${state.formError}`) ? t(`errors.${state.formError}`) : t("errors.invalid")}</p>
        ) : null}
      </div>
    </form>
  );
}
