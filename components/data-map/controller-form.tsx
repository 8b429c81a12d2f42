"use client";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { complaintRegimes, securityMeasures } from "@/lib/data-map/vocabulary";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { useDataMapErrorText } from "./use-error-text";

type Text = string | null;
export type ControllerValues = {
  securityMeasures: string[];
  securityNote: Text;
  representativeName: Text;
  representativeContact: Text;
  dpoName: Text;
  dpoEmail: string;
  privacyOfficerName: Text;
  privacyOfficerDepartment: Text;
  privacyOfficerContact: Text;
  domesticAgentName: Text;
  domesticAgentAddress: Text;
  domesticAgentContact: Text;
  businessRepresentative: Text;
  complaintContacts: Partial<Record<string, { name: string; contact: string }>>;
};
type TextKey = Exclude<keyof ControllerValues, "securityMeasures" | "complaintContacts">;

/** The brand as controller: security, representative and DPO, Korea's officer and agent, Japan's representative, complaints. */
export function ControllerForm({ initial, action }: { initial: ControllerValues; action: FormAction }) {
  const t = useTranslations("dataMapFields.controller");
  const tf = useTranslations("dataMapFields");
  const errorText = useDataMapErrorText();
  const { state, form } = useFormAction(action);
  const errors = state.ok ? undefined : state.fieldErrors;
  const text = (name: TextKey, type = "text") => (
    <Field label={t(name)} name={name} errors={errors?.[name]} errorText={errorText}>
      {(p) => <input {...p} type={type} defaultValue={initial[name] ?? ""} />}
    </Field>
  );
  const section = (id: string, heading: string, help: string | null, body: ReactNode) => (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {help ? <p className="muted">{help}</p> : null}
      {body}
    </section>
  );
  return (
    <form {...form} className="stack" noValidate aria-label={t("title")}>
      <FormMessage error={state.ok ? undefined : state.formError} success={state.ok && state.message ? tf("saved") : undefined} />
      {section(
        "c-business",
        t("business"),
        t("businessRepresentativeHelp"),
        <div className="form-grid">{text("businessRepresentative")}</div>,
      )}
      {section(
        "c-security",
        t("security"),
        null,
        <>
          <CheckboxGroup
            legend={t("security")}
            help={t("securityHelp")}
            name="securityMeasures"
            options={securityMeasures.map((m) => ({ value: m, label: tf(`security.${m}`) }))}
            checked={initial.securityMeasures}
            errors={errors?.securityMeasures}
          />
          <Field label={t("securityNote")} name="securityNote" errors={errors?.securityNote} errorText={errorText}>
            {(p) => <textarea {...p} rows={3} translate="no" defaultValue={initial.securityNote ?? ""} />}
          </Field>
        </>,
      )}
      {section(
        "c-dpo",
        t("dpo"),
        null,
        <div className="form-grid">
          {text("dpoName")}
          {text("dpoEmail", "email")}
        </div>,
      )}
      {section(
        "c-rep",
        t("representative"),
        t("representativeHelp"),
        <div className="form-grid">
          {text("representativeName")}
          {text("representativeContact")}
        </div>,
      )}
      {section(
        "c-officer",
        t("privacyOfficer"),
        t("privacyOfficerHelp"),
        <div className="form-grid">
          {text("privacyOfficerName")}
          {text("privacyOfficerDepartment")}
          {text("privacyOfficerContact")}
        </div>,
      )}
      {section(
        "c-agent",
        t("domesticAgent"),
        t("domesticAgentHelp"),
        <div className="form-grid">
          {text("domesticAgentName")}
          {text("domesticAgentAddress")}
          {text("domesticAgentContact")}
        </div>,
      )}
      {section(
        "c-complaints",
        t("complaints"),
        t("complaintsHelp"),
        <>
          {errors?.complaintContacts ? (
            <p className="error" role="alert">
              {errors.complaintContacts.map(errorText).join(" ")}
            </p>
          ) : null}
          {complaintRegimes.map((r) => (
            <fieldset key={r} className="stack">
              <legend style={{ fontWeight: 600 }}>{tf(`regime.${r}`)}</legend>
              <div className="form-grid">
                <Field label={t("complaintName")} name={`complaint.${r}.name`}>
                  {(p) => <input {...p} defaultValue={initial.complaintContacts[r]?.name ?? ""} />}
                </Field>
                <Field label={t("complaintContact")} name={`complaint.${r}.contact`}>
                  {(p) => <input {...p} defaultValue={initial.complaintContacts[r]?.contact ?? ""} />}
                </Field>
              </div>
            </fieldset>
          ))}
        </>,
      )}
      <div>
        <SubmitButton>{tf("save")}</SubmitButton>
      </div>
    </form>
  );
}
