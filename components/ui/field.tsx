"use client";
import { useId, type ReactNode } from "react";
import { useTranslations } from "next-intl";

type FieldProps = {
  label: string;
  name: string;
  errors?: string[];
  help?: ReactNode;
  /** Words for an error key, when the form has its own catalog; by default the shared "errors" one. */
  errorText?: (key: string) => string;
  children: (props: { id: string; name: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
};

/** A labelled control with its help text and field errors wired for screen readers. */
export function Field({ label, name, errors, help, errorText, children }: FieldProps) {
  const t = useTranslations("errors");
  const id = useId();
  const helpId = help ? `${id}-help` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, name, "aria-invalid": Boolean(errorId), "aria-describedby": describedBy })}
      {help ? (
        <span className="help" id={helpId}>
          {help}
        </span>
      ) : null}
      <span className="error" id={errorId} aria-live="polite">
        {errors?.map((key) => (errorText ? errorText(key) : t.has(key) ? t(key) : t("invalid"))).join(" ")}
      </span>
    </div>
  );
}
