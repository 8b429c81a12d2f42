"use client";
import { useEffect, useId, useState, type ChangeEvent } from "react";
import { useTranslations } from "next-intl";
import { AffectedRunView } from "./affected-run-view";
import { useAffectedRun, type RunErrors } from "./use-affected-run";

type Option = { value: string; label: string };

export type AffectedSelectorProps = {
  incidentId: number;
  purposes: Option[];
  categories: Option[];
  jurisdictions: Option[];
  /** What the register says about the incident: its purposes, categories and period (brand wall clock). */
  initial: { purposeIds: string[]; categories: string[]; from: string; to: string };
  /** People already stored: adding to them is offered only when there are some. */
  stored: number;
};

const DEBOUNCE_MS = 500;
const MAX_FILE_BYTES = 8 * 1024 * 1024;

function Checks({
  name,
  legend,
  options,
  value,
  onChange,
  errors,
}: {
  name: string;
  legend: string;
  options: Option[];
  value: string[];
  onChange: (next: string[]) => void;
  errors: string[] | undefined;
}) {
  const t = useTranslations("incidentAffected");
  const id = useId();
  return (
    <fieldset className="field" aria-describedby={`${id}-error`} aria-invalid={errors?.length ? true : undefined}>
      <legend style={{ fontWeight: 600, fontSize: "0.9rem" }}>{legend}</legend>
      <div className="tags" style={{ gap: "0.5rem 1rem" }}>
        {options.map((o) => (
          <label key={o.value} className="row" style={{ gap: "0.35rem" }}>
            <input
              type="checkbox"
              name={name}
              value={o.value}
              checked={value.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
            />
            <span translate={name === "purposeIds" ? "no" : undefined}>{o.label}</span>
          </label>
        ))}
      </div>
      <span className="error" id={`${id}-error`} aria-live="polite">
        {errors?.map((k) => (t.has(`errors.${k}`) ? t(`errors.${k}`) : t("errors.invalid"))).join(" ")}
      </span>
    </fieldset>
  );
}

/**
 * Chooses who an incident affected (issue 21, deliverable 2): from the store by purpose, data category,
 * jurisdiction and the period the data was held (counted again each time the criteria change), or from a pasted or
 * uploaded list of emails or customer ids (checked on request). The counts per jurisdiction grow as the server works.
 */
export function AffectedSelector(props: AffectedSelectorProps) {
  const t = useTranslations("incidentAffected");
  const { run, errors, start, clear } = useAffectedRun(props.incidentId);
  const [source, setSource] = useState<"criteria" | "list">("criteria");
  const [purposeIds, setPurposeIds] = useState(props.initial.purposeIds);
  const [categories, setCategories] = useState(props.initial.categories);
  const [jurisdictions, setJurisdictions] = useState<string[]>([]);
  const [from, setFrom] = useState(props.initial.from);
  const [to, setTo] = useState(props.initial.to);
  const [text, setText] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);

  useEffect(() => {
    if (source !== "criteria") return;
    const timer = setTimeout(
      () => void start({ source: "criteria", criteria: { purposeIds, categories, jurisdictions, from, to } }),
      DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [source, purposeIds, categories, jurisdictions, from, to, start]);

  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setFileError(null);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileError(t("errors.file-too-large"));
      return;
    }
    setText(await file.text());
    clear();
  };

  const fieldError = (errs: RunErrors, field: string) =>
    errs[field]?.map((k) => (t.has(`errors.${k}`) ? t(`errors.${k}`) : t("errors.invalid"))).join(" ");

  return (
    <div className="card stack">
      <h2 id="select-h">{t("select.title")}</h2>
      <fieldset className="field">
        <legend style={{ fontWeight: 600, fontSize: "0.9rem" }}>{t("select.source")}</legend>
        <div className="tags" style={{ gap: "0.5rem 1rem" }}>
          {(["criteria", "list"] as const).map((s) => (
            <label key={s} className="row" style={{ gap: "0.35rem" }}>
              <input
                type="radio"
                name="source"
                value={s}
                checked={source === s}
                onChange={() => {
                  setSource(s);
                  clear();
                }}
              />
              {t(`select.sources.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {source === "criteria" ? (
        <div className="stack">
          <p className="muted">{t("select.criteriaHelp")}</p>
          <Checks
            name="purposeIds"
            legend={t("select.purposes")}
            options={props.purposes}
            value={purposeIds}
            onChange={setPurposeIds}
            errors={errors.purposeIds}
          />
          <Checks
            name="categories"
            legend={t("select.categories")}
            options={props.categories}
            value={categories}
            onChange={setCategories}
            errors={errors.categories}
          />
          <Checks
            name="jurisdictions"
            legend={t("select.jurisdictions")}
            options={props.jurisdictions}
            value={jurisdictions}
            onChange={setJurisdictions}
            errors={errors.jurisdictions}
          />
          <p className="muted">{t("select.jurisdictionsHelp")}</p>
          <div className="form-grid">
            {(
              [
                ["from", from, setFrom],
                ["to", to, setTo],
              ] as const
            ).map(([name, value, set]) => (
              <div className="field" key={name}>
                <label htmlFor={`affected-${name}`}>{t(`select.${name}`)}</label>
                <input
                  id={`affected-${name}`}
                  type="datetime-local"
                  value={value}
                  onChange={(e) => set(e.target.value)}
                  aria-describedby={`affected-${name}-help affected-${name}-error`}
                  aria-invalid={errors[name]?.length ? true : undefined}
                />
                <span className="help" id={`affected-${name}-help`}>
                  {t(`select.${name}Help`)}
                </span>
                <span className="error" id={`affected-${name}-error`} aria-live="polite">
                  {fieldError(errors, name)}
                </span>
              </div>
            ))}
          </div>
        </div>
      ) : (
        <div className="stack">
          <div className="field">
            <label htmlFor="affected-list">{t("select.list")}</label>
            <textarea
              id="affected-list"
              rows={6}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                clear();
              }}
              aria-describedby="affected-list-help affected-list-error"
              aria-invalid={errors.text?.length ? true : undefined}
              spellCheck={false}
            />
            <span className="help" id="affected-list-help">
              {t("select.listHelp")}
            </span>
            <span className="error" id="affected-list-error" aria-live="polite">
              {fieldError(errors, "text")}
            </span>
          </div>
          <div className="field">
            <label htmlFor="affected-file">{t("select.file")}</label>
            <input
              id="affected-file"
              type="file"
              accept=".csv,.txt,text/csv,text/plain"
              onChange={(e) => void readFile(e)}
              aria-describedby="affected-file-error"
            />
            <span className="error" id="affected-file-error" aria-live="polite">
              {fileError}
            </span>
          </div>
          <div>
            <button type="button" className="button" onClick={() => void start({ source: "list", text })}>
              {t("select.check")}
            </button>
          </div>
        </div>
      )}
      {errors.form ? (
        <p className="alert error" role="alert">
          {fieldError(errors, "form")}
        </p>
      ) : null}
      <AffectedRunView incidentId={props.incidentId} run={run} jurisdictions={props.jurisdictions} stored={props.stored} />
    </div>
  );
}
