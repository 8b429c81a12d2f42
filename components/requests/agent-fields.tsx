"use client";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";

type Props = {
  /** "staff" asks for the proof received too; "public" asks the agent who they are and explains what will be asked. */
  audience: "staff" | "public";
  /** Field errors by name, as catalog keys (agentName, agentContact). */
  errors: Record<string, string[] | undefined>;
  errorText: (key: string) => string;
};

const proofBoxes = [
  ["agentSignedPermission", "signedPermission"],
  ["agentPowerOfAttorney", "powerOfAttorney"],
  ["agentConsumerVerified", "consumerVerifiedDirectly"],
  ["agentConsumerConfirmed", "consumerConfirmedPermission"],
] as const;

/**
 * "Made for someone else" on an intake form (CCPA 11 CCR §7063): ticked, the agent's name and contact, whether they
 * act as a registered business, and, for staff, the proof already in hand. Names match lib/requests/agent.ts.
 */
export function AgentFields({ audience, errors, errorText }: Props) {
  const t = useTranslations("requests.agentFields");
  const id = useId();
  const [on, setOn] = useState(false);
  const err = (name: string) => errors[name]?.map(errorText).join(" ") ?? "";
  const text = (name: "agentName" | "agentContact", max: number) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{t(name)}</label>
      <input
        id={`${id}-${name}`}
        name={name}
        maxLength={max}
        required
        aria-invalid={Boolean(errors[name]?.length)}
        aria-describedby={`${id}-${name}-error`}
      />
      <span className="error" id={`${id}-${name}-error`} aria-live="polite">
        {err(name)}
      </span>
    </div>
  );
  return (
    <fieldset className="stack" style={{ gap: "0.5rem", border: 0, padding: 0, margin: 0 }}>
      <legend className="visually-hidden">{t(`legend.${audience}`)}</legend>
      <label className="row" style={{ gap: "0.5rem", flexWrap: "nowrap", alignItems: "flex-start" }}>
        <input
          type="checkbox"
          name="onBehalf"
          value="yes"
          checked={on}
          onChange={(e) => setOn(e.target.checked)}
          style={{ marginTop: "0.3rem" }}
        />
        <span>{t(`onBehalf.${audience}`)}</span>
      </label>
      {on ? (
        <div className="stack" style={{ gap: "0.5rem" }}>
          <p className="muted" style={{ margin: 0 }}>
            {t(`explain.${audience}`)}
          </p>
          <div className="form-grid">
            {text("agentName", 200)}
            {text("agentContact", 320)}
          </div>
          <label className="row" style={{ gap: "0.5rem", flexWrap: "nowrap", alignItems: "flex-start" }}>
            <input type="checkbox" name="agentBusiness" value="yes" style={{ marginTop: "0.3rem" }} />
            <span>{t("business")}</span>
          </label>
          {audience === "staff"
            ? proofBoxes.map(([name, key]) => (
                <label key={name} className="row" style={{ gap: "0.5rem", flexWrap: "nowrap", alignItems: "flex-start" }}>
                  <input type="checkbox" name={name} value="yes" style={{ marginTop: "0.3rem" }} />
                  <span>{t(`proofs.${key}`)}</span>
                </label>
              ))
            : null}
        </div>
      ) : null}
    </fieldset>
  );
}
