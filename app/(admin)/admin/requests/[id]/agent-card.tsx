"use client";
import { useTranslations } from "next-intl";
import { agentHasProof, agentProofs, type RequestAgent } from "@/lib/requests/agent";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";

type Props = {
  requestId: number;
  agent: RequestAgent;
  /** Whether the agent's contact may be shown (subject:read-pii). */
  seesPii: boolean;
  /** The proof form, for a privacy officer on an open request. */
  action: FormAction | null;
};

/** Who made the request for the person (§7063), the proof on record, and the boxes to record proof as it arrives. */
export function AgentCard({ requestId, agent, seesPii, action }: Props) {
  const t = useTranslations("requestDetail");
  const proven = agentHasProof(agent);
  return (
    <section className="card stack" aria-labelledby="agent-h" style={{ gap: "0.5rem" }}>
      <h2 id="agent-h">{t("agent.title")}</h2>
      <p className={proven ? "muted" : "alert error"} style={{ margin: 0 }}>
        {proven ? t("agent.proven") : t("agent.notProven")}
      </p>
      <dl className="facts">
        <div>
          <dt>{t("agent.name")}</dt>
          <dd>{seesPii ? agent.name : t("piiHidden")}</dd>
        </div>
        <div>
          <dt>{t("agent.contact")}</dt>
          <dd>{seesPii ? agent.contact : t("piiHidden")}</dd>
        </div>
        <div>
          <dt>{t("agent.kind")}</dt>
          <dd>{agent.business ? t("agent.business") : t("agent.person")}</dd>
        </div>
        {!action
          ? agentProofs.map((p) => (
              <div key={p}>
                <dt>{t(`agent.proofs.${p}`)}</dt>
                <dd>{agent[p] ? t("agent.yes") : t("agent.no")}</dd>
              </div>
            ))
          : null}
      </dl>
      {action ? <ProofForm requestId={requestId} agent={agent} action={action} /> : null}
    </section>
  );
}

function ProofForm({ requestId, agent, action }: { requestId: number; agent: RequestAgent; action: FormAction }) {
  const t = useTranslations("requestDetail");
  const { state, form } = useFormAction(action);
  return (
    <form {...form} className="stack" style={{ gap: "0.35rem" }} aria-label={t("agent.record")}>
      <input type="hidden" name="requestId" value={requestId} />
      <fieldset className="stack" style={{ gap: "0.35rem", border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600 }}>{t("agent.proofLegend")}</legend>
        {agentProofs.map((p) => (
          <label key={p} className="row" style={{ gap: "0.4rem", flexWrap: "nowrap", alignItems: "flex-start" }}>
            <input type="checkbox" name={p} value="yes" defaultChecked={agent[p]} style={{ marginTop: "0.3rem" }} />
            <span>{t(`agent.proofs.${p}`)}</span>
          </label>
        ))}
      </fieldset>
      <div>
        <SubmitButton className="button secondary">{t("agent.record")}</SubmitButton>
      </div>
      <div aria-live="polite" role="status">
        {!state.ok ? (
          <p className="alert error">{t.has(`errors.${state.formError}`) ? t(`errors.${state.formError}`) : t("errors.invalid")}</p>
        ) : null}
        {state.ok && state.message ? <p className="alert ok">{t("saved")}</p> : null}
      </div>
    </form>
  );
}
