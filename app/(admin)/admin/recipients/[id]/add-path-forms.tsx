"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { emailBatchings } from "@/lib/propagation/vocabulary";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { useEndpointRefusal } from "@/components/recipients/endpoint-refusal";
import { ShownOncePanel } from "@/components/recipients/shown-once-panel";
import { addEmailPathAction, addFeedPathAction, addWebhookPathAction } from "../actions";

type Recipient = { id: number; name: string; privacyContactEmail: string | null };

/** A webhook endpoint, checked by the SSRF guard when saved; its signing secret is shown once, above the form. */
export function AddWebhookForm({ recipient, insecure, hasActive }: { recipient: Recipient; insecure: boolean; hasActive: boolean }) {
  const t = useTranslations("recipients.addPath");
  const refusal = useEndpointRefusal();
  const { state, form } = useFormAction(addWebhookPathAction);
  const shown = state.ok ? state.data : undefined;
  const values = state.ok ? undefined : state.values;
  const panel = shown ? <ShownOncePanel key={shown.value} kind={shown.kind} value={shown.value} recipientName={recipient.name} /> : null;
  // The same tree with or without the form, so the panel stays mounted when the new path arrives.
  return (
    <div className="stack">
      {panel}
      {hasActive ? null : (
        <form {...form} key={shown?.value ?? "webhook"} className="card stack" aria-labelledby="add-webhook-title" noValidate>
          <h3 id="add-webhook-title" style={{ margin: 0 }}>
            {t("webhookTitle")}
          </h3>
          <input type="hidden" name="recipientId" value={recipient.id} />
          <FormMessage error={state.ok ? undefined : state.formError} />
          <Field
            label={t("url")}
            name="url"
            errors={state.ok ? undefined : state.fieldErrors?.url}
            errorText={(code) => refusal(code, values)}
            help={insecure ? t("urlHelpInsecure") : t("urlHelp")}
          >
            {(p) => (
              <input {...p} type="url" inputMode="url" placeholder="https://hooks.example.com/candor" maxLength={2048} autoComplete="off" />
            )}
          </Field>
          <div>
            <SubmitButton pendingLabel={t("checking")}>{t("addWebhook")}</SubmitButton>
          </div>
        </form>
      )}
    </div>
  );
}

/** The pull feed: the recipient's own key, shown once. */
export function AddFeedForm({ recipient, hasActive }: { recipient: Recipient; hasActive: boolean }) {
  const t = useTranslations("recipients.addPath");
  const { state, form } = useFormAction(addFeedPathAction);
  const shown = state.ok ? state.data : undefined;
  const panel = shown ? <ShownOncePanel key={shown.value} kind={shown.kind} value={shown.value} recipientName={recipient.name} /> : null;
  return (
    <div className="stack">
      {panel}
      {hasActive ? null : (
        <form {...form} className="card stack" aria-labelledby="add-feed-title">
          <h3 id="add-feed-title" style={{ margin: 0 }}>
            {t("feedTitle")}
          </h3>
          <p className="muted" style={{ margin: 0 }}>
            {t("feedHelp")}
          </p>
          <input type="hidden" name="recipientId" value={recipient.id} />
          <FormMessage error={state.ok ? undefined : state.formError} />
          <div>
            <SubmitButton pendingLabel={t("creating")}>{t("addFeed")}</SubmitButton>
          </div>
        </form>
      )}
    </div>
  );
}

/** Email to the privacy contact, per change or daily; without a contact address it says where to add one. */
export function AddEmailForm({ recipient, canEdit }: { recipient: Recipient; canEdit: boolean }) {
  const t = useTranslations("recipients.addPath");
  const tb = useTranslations("recipients.batching");
  const { state, form } = useFormAction(addEmailPathAction);
  if (!recipient.privacyContactEmail)
    return (
      <section className="card stack" aria-labelledby="add-email-title">
        <h3 id="add-email-title" style={{ margin: 0 }}>
          {t("emailTitle")}
        </h3>
        <p className="alert warn" style={{ margin: 0 }}>
          {t("emailNeedsContact")} {canEdit ? <Link href={`/admin/recipients/${recipient.id}/edit`}>{t("addContact")}</Link> : null}
        </p>
      </section>
    );
  return (
    <form {...form} className="card stack" aria-labelledby="add-email-title">
      <h3 id="add-email-title" style={{ margin: 0 }}>
        {t("emailTitle")}
      </h3>
      <input type="hidden" name="recipientId" value={recipient.id} />
      <p className="muted" style={{ margin: 0, overflowWrap: "anywhere" }}>
        {t("emailHelp", { email: recipient.privacyContactEmail })}
      </p>
      <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600, fontSize: "0.9rem" }}>{t("batching")}</legend>
        {emailBatchings.map((b, i) => (
          <label key={b} className="row" style={{ gap: "0.5rem" }}>
            <input type="radio" name="emailBatching" value={b} defaultChecked={i === 0} style={{ minHeight: "auto" }} />
            {tb(b)}
          </label>
        ))}
      </fieldset>
      <FormMessage error={state.ok ? undefined : state.formError} success={state.ok && state.message ? t("emailAdded") : undefined} />
      <div>
        <SubmitButton pendingLabel={t("creating")}>{t("addEmail")}</SubmitButton>
      </div>
    </form>
  );
}
