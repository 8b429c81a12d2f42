"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { jurisdictions } from "@/lib/jurisdictions";
import { channels, dataCategories, legalBases, type RecipientRole } from "@/lib/purposes/vocabulary";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";

export type PurposeFormValues = {
  key?: string;
  name: string;
  description: string;
  legalBasis: string;
  dataCategories: string[];
  retentionDays: number | "";
  validityDays: number | null;
  saleOrSharing: boolean;
  sensitive: boolean;
  sensitiveBeyondPermitted: boolean;
  channels: string[];
  jurisdictions: string[];
  benefit: string;
  /** The recipients it sends data to, by their id in the registry. */
  recipientIds: number[];
};

/** A company in the recipient registry, as the form offers it. */
export type RecipientChoice = { id: number; name: string; role: RecipientRole; country: string };

export const emptyPurpose: PurposeFormValues = {
  key: "",
  name: "",
  description: "",
  legalBasis: "consent",
  dataCategories: [],
  retentionDays: "",
  validityDays: null,
  saleOrSharing: false,
  sensitive: false,
  sensitiveBeyondPermitted: false,
  channels: [],
  jurisdictions: [],
  benefit: "",
  recipientIds: [],
};

/** Create or edit a purpose; the same zod schema checks it again on the server. */
export function PurposeForm<T>({
  action,
  initial,
  purposeId,
  submitLabel,
  recipients,
  canAddRecipient,
}: {
  action: FormAction<T>;
  initial: PurposeFormValues;
  purposeId?: number;
  submitLabel: string;
  /** The registry to pick from. */
  recipients: RecipientChoice[];
  /** Whether the user may add a company to the registry (recipient:manage); others are told whom to ask. */
  canAddRecipient: boolean;
}) {
  const t = useTranslations("purposeForm");
  const tv = useTranslations("vocabulary");
  const { state, form } = useFormAction(action);
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <form {...form} className="stack" noValidate aria-label={submitLabel}>
      {purposeId ? <input type="hidden" name="purposeId" value={purposeId} /> : null}
      <FormMessage
        error={state.ok ? undefined : state.formError}
        success={state.ok && state.message ? t(`done.${state.message}`) : undefined}
      />
      <div className="card stack">
        <div className="form-grid">
          <Field label={t("name")} name="name" errors={errors?.name}>
            {(p) => <input {...p} defaultValue={initial.name} />}
          </Field>
          {initial.key !== undefined ? (
            <Field label={t("key")} name="key" errors={errors?.key} help={t("keyHelp")}>
              {(p) => <input {...p} defaultValue={initial.key} className="mono" />}
            </Field>
          ) : null}
          <Field label={t("legalBasis")} name="legalBasis" errors={errors?.legalBasis} help={t("legalBasisHelp")}>
            {(p) => (
              <select {...p} defaultValue={initial.legalBasis}>
                {legalBases.map((b) => (
                  <option key={b} value={b}>
                    {tv(`basis.${b}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label={t("description")} name="description" errors={errors?.description}>
          {(p) => <textarea {...p} rows={3} defaultValue={initial.description} />}
        </Field>
        <Field label={t("benefit")} name="benefit" errors={errors?.benefit} help={t("benefitHelp")}>
          {(p) => <textarea {...p} rows={2} defaultValue={initial.benefit} />}
        </Field>
        <CheckboxGroup
          legend={t("jurisdictions")}
          help={t("jurisdictionsHelp")}
          name="jurisdictions"
          options={jurisdictions.map((j) => ({ value: j, label: tv(`jurisdiction.${j}`) }))}
          checked={initial.jurisdictions}
          errors={errors?.jurisdictions}
        />
      </div>
      <div className="card stack">
        <CheckboxGroup
          legend={t("dataCategories")}
          help={t("dataCategoriesHelp")}
          name="dataCategories"
          options={dataCategories.map((c) => ({ value: c, label: tv(`category.${c}`) }))}
          checked={initial.dataCategories}
          errors={errors?.dataCategories}
        />
        <div className="form-grid">
          <Field label={t("retentionDays")} name="retentionDays" errors={errors?.retentionDays} help={t("retentionHelp")}>
            {(p) => <input {...p} inputMode="numeric" defaultValue={initial.retentionDays} />}
          </Field>
          <Field label={t("validityDays")} name="validityDays" errors={errors?.validityDays} help={t("validityHelp")}>
            {(p) => <input {...p} inputMode="numeric" defaultValue={initial.validityDays ?? ""} />}
          </Field>
        </div>
        <CheckboxGroup
          legend={t("channels")}
          name="channels"
          options={channels.map((c) => ({ value: c, label: tv(`channel.${c}`) }))}
          checked={initial.channels}
          errors={errors?.channels}
        />
        <div className="stack" style={{ gap: "0.5rem" }}>
          <label className="row" style={{ gap: "0.5rem" }}>
            <input type="checkbox" name="saleOrSharing" defaultChecked={initial.saleOrSharing} aria-describedby="sale-help" />
            {t("saleOrSharing")}
          </label>
          <span id="sale-help" className="muted">
            {t("saleHelp")}
          </span>
          {errors?.saleOrSharing ? <FormMessage error={errors.saleOrSharing[0]} /> : null}
          <label className="row" style={{ gap: "0.5rem" }}>
            <input type="checkbox" name="sensitive" defaultChecked={initial.sensitive} />
            {t("sensitive")}
          </label>
          <label className="row" style={{ gap: "0.5rem" }}>
            <input
              type="checkbox"
              name="sensitiveBeyondPermitted"
              defaultChecked={initial.sensitiveBeyondPermitted}
              aria-describedby="limit-help"
            />
            {t("sensitiveBeyondPermitted")}
          </label>
          <span id="limit-help" className="muted">
            {t("limitHelp")}
          </span>
        </div>
      </div>
      <div className="card stack">
        {recipients.length ? (
          <CheckboxGroup
            legend={t("recipients")}
            help={t("recipientsHelp")}
            name="recipientIds"
            options={recipients.map((r) => ({
              value: String(r.id),
              label: t("recipientChoice", { name: r.name, role: tv(`role.${r.role}`), country: r.country }),
            }))}
            checked={initial.recipientIds.map(String)}
            errors={errors?.recipientIds}
          />
        ) : (
          <>
            <h2 style={{ margin: 0, fontSize: "0.9rem" }}>{t("recipients")}</h2>
            <p className="muted" style={{ margin: 0 }}>
              {t("noRecipients")}
            </p>
          </>
        )}
        <p style={{ margin: 0 }}>
          {canAddRecipient ? (
            <Link href="/admin/recipients/new" target="_blank" rel="noopener">
              {t("addRecipient")}
            </Link>
          ) : (
            <span className="muted">{t("askForRecipient")}</span>
          )}
        </p>
      </div>
      <div>
        <SubmitButton pendingLabel={t("saving")}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
