"use client";
import { useTranslations } from "next-intl";
import type { FormAction } from "@/components/forms/use-form-action";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/ui/submit-button";
import { dataCategories } from "@/lib/purposes/vocabulary";
import {
  incidentCauses,
  incidentCertainties,
  incidentDataFacts,
  incidentNatures,
  notificationDelayReasons,
  peopleNoticeExceptions,
  riskLevels,
} from "@/lib/incidents/vocabulary";
import type { IncidentFormValues } from "@/lib/incidents/form-values";
import { IncidentCheck, IncidentChecks, IncidentField, useIncidentErrorText } from "./incident-form-parts";

type Choice = { value: string; label: string };

/**
 * Records or edits an incident (issue 21, deliverable 1). Field errors show beside each field in the reader's
 * language; what was typed stays after a refusal. `zone` names the brand's time zone the times are read in.
 */
export function IncidentForm({
  action,
  values,
  zone,
  purposes,
  recipients,
  submitLabel,
}: {
  action: FormAction<number>;
  values: IncidentFormValues;
  zone: string;
  purposes: Choice[];
  recipients: Choice[];
  submitLabel: string;
}) {
  const t = useTranslations("incidents");
  const tf = useTranslations("incidents.form");
  const tc = useTranslations("vocabulary.category");
  const text = useIncidentErrorText();
  const { state, form } = useFormAction(action);
  const err = (f: string) => (state.ok ? undefined : state.fieldErrors?.[f]);
  const area = (name: keyof IncidentFormValues, rows = 3) =>
    function Area(p: object) {
      return <textarea {...p} rows={rows} defaultValue={values[name] as string} />;
    };
  const options = <T extends string>(words: readonly T[], label: (w: T) => string) => words.map((w) => ({ value: w, label: label(w) }));
  const failed = !state.ok;
  return (
    <form {...form} className="stack" aria-label={submitLabel} noValidate>
      <div aria-live="polite" role="status">
        {failed && state.formError ? <p className="alert error">{text(state.formError)}</p> : null}
        {failed && !state.formError ? <p className="alert error">{text("form")}</p> : null}
        {state.ok && state.message ? <p className="alert ok">{tf(state.message === "unchanged" ? "unchanged" : "saved")}</p> : null}
      </div>

      <section className="card stack" aria-labelledby="inc-what">
        <h2 id="inc-what">{tf("what")}</h2>
        <IncidentField label={tf("title")} name="title" errors={err("title")} help={tf("titleHelp")}>
          {(p) => <input {...p} type="text" defaultValue={values.title} maxLength={200} />}
        </IncidentField>
        <div className="form-grid">
          <IncidentField label={tf("certainty")} name="certainty" errors={err("certainty")}>
            {(p) => (
              <select {...p} defaultValue={values.certainty}>
                {incidentCertainties.map((c) => (
                  <option key={c} value={c}>
                    {t(`certainty.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </IncidentField>
          <IncidentField label={tf("cause")} name="cause" errors={err("cause")}>
            {(p) => (
              <select {...p} defaultValue={values.cause}>
                {incidentCauses.map((c) => (
                  <option key={c} value={c}>
                    {t(`cause.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </IncidentField>
        </div>
        <IncidentField label={tf("causeNote")} name="causeNote" errors={err("causeNote")} help={tf("causeNoteHelp")}>
          {area("causeNote")}
        </IncidentField>
        <IncidentChecks
          legend={tf("natures")}
          name="natures"
          options={options(incidentNatures, (n) => t(`nature.${n}`))}
          checked={values.natures}
          errors={err("natures")}
        />
        <IncidentCheck name="drill" label={tf("drill")} help={tf("drillHelp")} checked={values.drill} errors={err("drill")} />
      </section>

      <section className="card stack" aria-labelledby="inc-when">
        <h2 id="inc-when">{tf("when")}</h2>
        <IncidentField label={tf("awareAt", { zone })} name="awareAt" errors={err("awareAt")} help={tf("awareAtHelp")}>
          {(p) => <input {...p} type="datetime-local" defaultValue={values.awareAt} />}
        </IncidentField>
        <div className="form-grid">
          <IncidentField label={tf("occurredFrom", { zone })} name="occurredFrom" errors={err("occurredFrom")} help={tf("occurredHelp")}>
            {(p) => <input {...p} type="datetime-local" defaultValue={values.occurredFrom} />}
          </IncidentField>
          <IncidentField label={tf("occurredTo", { zone })} name="occurredTo" errors={err("occurredTo")} help={tf("occurredHelp")}>
            {(p) => <input {...p} type="datetime-local" defaultValue={values.occurredTo} />}
          </IncidentField>
        </div>
      </section>

      <section className="card stack" aria-labelledby="inc-data">
        <h2 id="inc-data">{tf("data")}</h2>
        <IncidentChecks
          legend={tf("dataCategories")}
          name="dataCategories"
          options={options(dataCategories, (c) => tc(c))}
          checked={values.dataCategories}
          errors={err("dataCategories")}
        />
        <IncidentChecks
          legend={tf("dataFacts")}
          name="dataFacts"
          options={options(incidentDataFacts, (f) => t(`dataFact.${f}`))}
          checked={values.dataFacts}
          errors={err("dataFacts")}
        />
        <IncidentCheck name="encrypted" label={tf("encrypted")} checked={values.encrypted} errors={err("encrypted")} />
        <IncidentCheck name="keyTaken" label={tf("keyTaken")} checked={values.keyTaken} errors={err("keyTaken")} />
      </section>

      <section className="card stack" aria-labelledby="inc-involved">
        <h2 id="inc-involved">{tf("involved")}</h2>
        <IncidentChecks
          legend={tf("purposes")}
          help={tf("purposesHelp")}
          name="purposeIds"
          options={purposes}
          checked={values.purposeIds}
          errors={err("purposeIds")}
          typed
        />
        <IncidentChecks
          legend={tf("recipients")}
          help={tf("recipientsHelp")}
          name="recipientIds"
          options={recipients}
          checked={values.recipientIds}
          errors={err("recipientIds")}
          typed
        />
      </section>

      <section className="card stack" aria-labelledby="inc-response">
        <h2 id="inc-response">{tf("response")}</h2>
        <IncidentField label={tf("containment")} name="containment" errors={err("containment")} help={tf("containmentHelp")}>
          {area("containment")}
        </IncidentField>
        <IncidentField label={tf("remedial")} name="remedial" errors={err("remedial")} help={tf("remedialHelp")}>
          {area("remedial")}
        </IncidentField>
      </section>

      <section className="card stack" aria-labelledby="inc-assessment">
        <h2 id="inc-assessment">{tf("assessment")}</h2>
        <IncidentField label={tf("risk")} name="risk" errors={err("risk")}>
          {(p) => (
            <select {...p} defaultValue={values.risk}>
              {riskLevels.map((r) => (
                <option key={r} value={r}>
                  {t(`risk.${r}`)}
                </option>
              ))}
            </select>
          )}
        </IncidentField>
        <IncidentField label={tf("riskReason")} name="riskReason" errors={err("riskReason")} help={tf("riskReasonHelp")}>
          {area("riskReason")}
        </IncidentField>
      </section>

      <section className="card stack" aria-labelledby="inc-exceptions">
        <h2 id="inc-exceptions">{tf("exceptions")}</h2>
        <IncidentField label={tf("peopleException")} name="peopleException" errors={err("peopleException")}>
          {(p) => (
            <select {...p} defaultValue={values.peopleException}>
              <option value="">{tf("peopleExceptionNone")}</option>
              {peopleNoticeExceptions.map((x) => (
                <option key={x} value={x}>
                  {t(`exception.${x}`)}
                </option>
              ))}
            </select>
          )}
        </IncidentField>
        <IncidentField label={tf("peopleExceptionReason")} name="peopleExceptionReason" errors={err("peopleExceptionReason")}>
          {area("peopleExceptionReason", 2)}
        </IncidentField>
        <IncidentField label={tf("delayReason")} name="delayReason" errors={err("delayReason")}>
          {(p) => (
            <select {...p} defaultValue={values.delayReason}>
              <option value="">{tf("delayReasonNone")}</option>
              {notificationDelayReasons.map((x) => (
                <option key={x} value={x}>
                  {t(`delayReason.${x}`)}
                </option>
              ))}
            </select>
          )}
        </IncidentField>
        <IncidentField label={tf("delayNote")} name="delayNote" errors={err("delayNote")}>
          {area("delayNote", 2)}
        </IncidentField>
      </section>

      <div className="row">
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
