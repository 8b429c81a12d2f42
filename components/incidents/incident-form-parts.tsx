"use client";
import { useId, type ReactNode } from "react";
import { useTranslations } from "next-intl";

/** An error key of the register form in the reader's words (incidents.errors.*). */
export function useIncidentErrorText() {
  const t = useTranslations("incidents.errors");
  return (key: string) => (t.has(key) ? t(key) : t("invalid"));
}

type Control = { id: string; name: string; "aria-invalid": boolean; "aria-describedby"?: string };

/** A labelled control with help and field errors, the errors in the register's words. */
export function IncidentField({
  label,
  name,
  errors,
  help,
  children,
}: {
  label: string;
  name: string;
  errors?: string[];
  help?: ReactNode;
  children: (props: Control) => ReactNode;
}) {
  const text = useIncidentErrorText();
  const id = useId();
  const helpId = help ? `${id}-help` : undefined;
  const errorId = `${id}-error`;
  const describedBy = [helpId, errors?.length ? errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, name, "aria-invalid": Boolean(errors?.length), "aria-describedby": describedBy })}
      {help ? (
        <span className="help" id={helpId}>
          {help}
        </span>
      ) : null}
      <span className="error" id={errorId} aria-live="polite">
        {errors?.map(text).join(" ")}
      </span>
    </div>
  );
}

/** A group of checkboxes sharing one name (natures, data, purposes), its errors linked to the group. */
export function IncidentChecks({
  legend,
  help,
  name,
  options,
  checked,
  errors,
  typed = false,
}: {
  legend: string;
  help?: string;
  name: string;
  options: { value: string; label: string }[];
  checked: readonly string[];
  errors?: string[];
  /** The labels are the brand's own words (purpose and recipient names): shown as written on ko/ja pages. */
  typed?: boolean;
}) {
  const text = useIncidentErrorText();
  const id = useId();
  const none = useTranslations("incidents.form")("none");
  return (
    <fieldset
      className="field"
      aria-describedby={[help ? `${id}-help` : "", `${id}-error`].join(" ").trim()}
      aria-invalid={errors?.length ? true : undefined}
    >
      <legend style={{ fontWeight: 600, fontSize: "0.9rem" }}>{legend}</legend>
      {help ? (
        <span className="help" id={`${id}-help`}>
          {help}
        </span>
      ) : null}
      {options.length === 0 ? <span className="muted">{none}</span> : null}
      <div className="tags" style={{ gap: "0.5rem 1rem" }}>
        {options.map((o) => (
          <label key={o.value} className="row" style={{ gap: "0.35rem" }}>
            <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} />
            <span translate={typed ? "no" : undefined}>{o.label}</span>
          </label>
        ))}
      </div>
      <span className="error" id={`${id}-error`} aria-live="polite">
        {errors?.map(text).join(" ")}
      </span>
    </fieldset>
  );
}

/** One checkbox with its label beside it and its errors below. */
export function IncidentCheck({
  name,
  label,
  help,
  checked,
  errors,
}: {
  name: string;
  label: string;
  help?: string;
  checked: boolean;
  errors?: string[];
}) {
  const text = useIncidentErrorText();
  const id = useId();
  return (
    <div className="field">
      <label className="check" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={checked}
          aria-describedby={`${help ? `${id}-help ` : ""}${id}-error`}
          aria-invalid={errors?.length ? true : undefined}
        />
        {label}
      </label>
      {help ? (
        <span className="help" id={`${id}-help`}>
          {help}
        </span>
      ) : null}
      <span className="error" id={`${id}-error`} aria-live="polite">
        {errors?.map(text).join(" ")}
      </span>
    </div>
  );
}
