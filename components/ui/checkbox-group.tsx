"use client";
import { useId } from "react";
import { useTranslations } from "next-intl";

/** A fieldset of checkboxes sharing one name; errors are announced and linked to the group. */
export function CheckboxGroup({
  legend,
  help,
  name,
  options,
  checked,
  errors,
}: {
  legend: string;
  help?: string;
  name: string;
  options: { value: string; label: string }[];
  checked: string[];
  errors?: string[];
}) {
  const t = useTranslations("errors");
  const id = useId();
  return (
    <fieldset className="field" aria-describedby={`${id}-help ${id}-error`} aria-invalid={errors?.length ? true : undefined}>
      <legend style={{ fontWeight: 600, fontSize: "0.9rem" }}>{legend}</legend>
      {help ? (
        <span className="help" id={`${id}-help`}>
          {help}
        </span>
      ) : null}
      <div className="tags" style={{ gap: "0.5rem 1rem" }}>
        {options.map((o) => (
          <label key={o.value} className="row" style={{ gap: "0.35rem" }}>
            <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      <span className="error" id={`${id}-error`} aria-live="polite">
        {errors?.map((k) => (t.has(k) ? t(k) : t("invalid"))).join(" ")}
      </span>
    </fieldset>
  );
}
