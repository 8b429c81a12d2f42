"use client";
import { createContext, useContext, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";

type Guardian = { required: boolean; name: string; flag: (error: string) => void };
const GuardianContext = createContext<Guardian>({ required: false, name: "", flag: () => {} });

export const useGuardian = () => useContext(GuardianContext);

/**
 * For a minor, one inline field for the guardian giving consent; every grant
 * below it carries the name, and the ledger records it on the event.
 */
export function GuardianProvider({ required, children }: { required: boolean; children: ReactNode }) {
  const t = useTranslations("preferences.guardian");
  const te = useTranslations("preferences.errors");
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const value = useMemo<Guardian>(
    () => ({
      required,
      name,
      flag: (e) => {
        setError(e);
        input.current?.focus();
      },
    }),
    [required, name],
  );
  return (
    <GuardianContext.Provider value={value}>
      {required ? (
        <div className="card field">
          <label htmlFor={id}>{t("label")}</label>
          <input
            ref={input}
            id={id}
            name="guardianName"
            autoComplete="off"
            maxLength={200}
            value={name}
            aria-invalid={Boolean(error)}
            aria-describedby={`${id}-help ${id}-error`}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
          />
          <span className="help" id={`${id}-help`}>
            {t("help")}
          </span>
          <span className="error" id={`${id}-error`} aria-live="polite">
            {error ? (te.has(error) ? te(error) : te("invalid")) : null}
          </span>
        </div>
      ) : null}
      {children}
    </GuardianContext.Provider>
  );
}
