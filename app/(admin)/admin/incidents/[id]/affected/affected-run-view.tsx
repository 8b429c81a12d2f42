"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { applyAffectedAction } from "./actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TableWrap } from "@/components/ui/table-wrap";
import type { AffectedRun } from "./use-affected-run";

/**
 * A selection as the server works it out: progress, people per jurisdiction so far, what a list could not match,
 * and, once ready, the form that stores the people as the incident's affected people (replacing or adding).
 */
export function AffectedRunView({
  incidentId,
  run,
  jurisdictions,
  stored,
}: {
  incidentId: number;
  run: AffectedRun | null;
  jurisdictions: { value: string; label: string }[];
  stored: number;
}) {
  const t = useTranslations("incidentAffected");
  const format = useFormatter();
  const router = useRouter();
  const { state, form } = useFormAction(applyAffectedAction);
  const applied = state.ok && state.message === "applied";
  useEffect(() => {
    if (applied) router.refresh();
  }, [applied, router]);
  const n = (v: number) => format.number(v);
  const outcome = (
    <FormMessage
      error={state.ok ? undefined : state.formError}
      success={applied ? t("apply.done", { affected: state.data?.affected ?? 0 }) : undefined}
    />
  );
  // Once applied, the run is spent: the message stays, the form goes.
  const spent = applied && state.data?.runId === run?.id;
  if (!run) return outcome;
  const pct = Math.round(run.done * 100);
  return (
    <section className="stack" aria-labelledby="run-h">
      <h3 id="run-h">{t("run.title")}</h3>
      <div className="field">
        <label htmlFor="run-progress">{t(`run.status.${run.status}`)}</label>
        <progress id="run-progress" max={100} value={pct} aria-valuetext={t("run.progress", { pct })} style={{ width: "100%" }} />
      </div>
      <p aria-live="polite" data-testid="run-found">
        {t(run.status === "ready" ? "run.found" : "run.foundSoFar", { found: run.found, seconds: (run.elapsedMs / 1000).toFixed(1) })}
      </p>
      <TableWrap label={t("run.countsLabel")}>
        <table>
          <caption className="visually-hidden">{t("run.countsLabel")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("table.jurisdiction")}</th>
              <th scope="col">{t("table.people")}</th>
            </tr>
          </thead>
          <tbody>
            {jurisdictions.map((j) => (
              <tr key={j.value} data-jurisdiction={j.value}>
                <th scope="row">{j.label}</th>
                <td>{n(run.counts[j.value as keyof typeof run.counts] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {run.list ? (
        <div className="stack" data-testid="list-report">
          <p>
            {t("run.listReport", {
              read: run.list.read,
              duplicates: run.list.duplicates,
              invalid: run.list.invalid,
              unknown: run.list.unknown,
            })}
          </p>
          {run.list.invalidEntries.length > 0 ? (
            <details>
              <summary>{t("run.invalidEntries", { count: run.list.invalid })}</summary>
              <ul translate="no">
                {run.list.invalidEntries.map((e) => (
                  <li key={`${e.line}-${e.value}`}>{t("run.line", { line: e.line, value: e.value })}</li>
                ))}
              </ul>
            </details>
          ) : null}
          {run.list.unknownEntries.length > 0 ? (
            <details>
              <summary>{t("run.unknownEntries", { count: run.list.unknown })}</summary>
              <ul translate="no">
                {run.list.unknownEntries.map((v) => (
                  <li key={v}>{v}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
      {outcome}
      {run.status === "ready" && run.found > 0 && !spent ? (
        <form {...form} className="stack" aria-labelledby="apply-h">
          <h3 id="apply-h">{t("apply.title")}</h3>
          <input type="hidden" name="incidentId" value={incidentId} />
          <input type="hidden" name="runId" value={run.id} />
          <fieldset className="field">
            <legend className="visually-hidden">{t("apply.title")}</legend>
            <label className="row" style={{ gap: "0.35rem" }}>
              <input type="radio" name="mode" value="replace" defaultChecked />
              {t("apply.replace", { stored })}
            </label>
            {stored > 0 ? (
              <label className="row" style={{ gap: "0.35rem" }}>
                <input type="radio" name="mode" value="add" />
                {t("apply.add", { stored })}
              </label>
            ) : null}
          </fieldset>
          <div>
            <SubmitButton>{t("apply.submit", { found: run.found })}</SubmitButton>
          </div>
        </form>
      ) : null}
    </section>
  );
}
