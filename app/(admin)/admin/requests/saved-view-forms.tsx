"use client";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/forms/use-form-action";
import { initialActionState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SAVED_VIEW_NAME_MAX_LENGTH, SAVED_VIEWS_MAX } from "@/lib/requests/saved-views";
import { deleteQueueViewAction, saveQueueViewAction } from "./view-actions";

const limits = { max: SAVED_VIEW_NAME_MAX_LENGTH };

/** Saves the queue's current filters (`query`, canonical) under a name the member gives. */
export function SaveQueueViewForm({
  query,
  classNames,
}: {
  query: string;
  classNames: { details: string; form: string; field: string; submit: string };
}) {
  const t = useTranslations("requests");
  const { state, form } = useFormAction(saveQueueViewAction, { resetOnSuccess: true });
  const errors = state.ok ? [] : (state.fieldErrors?.name ?? []);
  // The filters themselves refused (a text filter, which a saved view must not keep): said beside the name too.
  const queryErrors = state.ok ? [] : (state.fieldErrors?.query ?? []);
  const message = (key: string) =>
    t(`views.errors.${t.has(`views.errors.${key}`) ? key : "invalid"}`, key === "too-many-views" ? { max: SAVED_VIEWS_MAX } : limits);
  // Folded until used; open once there is an outcome to read, also when the form was sent before the page's
  // script ran and the answer comes back as a new page.
  return (
    <details className={classNames.details} open={state !== initialActionState || undefined}>
      <summary>{t("views.saveTitle")}</summary>
      <form {...form} className={classNames.form} noValidate>
        <input type="hidden" name="query" value={query} />
        <div className={`field ${classNames.field}`}>
          <label htmlFor="queue-view-name">{t("views.name")}</label>
          <input
            id="queue-view-name"
            name="name"
            required
            maxLength={SAVED_VIEW_NAME_MAX_LENGTH + 20}
            autoComplete="off"
            aria-invalid={errors.length ? true : undefined}
            aria-describedby="queue-view-name-help queue-view-name-error queue-view-query-error"
          />
          <span className="help muted" id="queue-view-name-help">
            {t("views.nameHelp")}
          </span>
          <span className="error" id="queue-view-name-error" aria-live="polite">
            {errors.map(message).join(" ")}
          </span>
          <span className="error" id="queue-view-query-error" aria-live="polite">
            {queryErrors.map(message).join(" ")}
          </span>
        </div>
        <div className={classNames.submit}>
          <SubmitButton pendingLabel={t("views.saving")}>{t("views.save")}</SubmitButton>
        </div>
        <div style={{ flexBasis: "100%" }}>
          <FormMessage
            error={state.ok ? undefined : state.formError}
            success={state.ok && state.message ? t("views.savedDone") : undefined}
          />
        </div>
      </form>
    </details>
  );
}

/** Deletes one of the member's saved views (the server deletes only the signed-in member's own). */
export function DeleteQueueViewButton({ id, name, className }: { id: number; name: string; className: string }) {
  const t = useTranslations("requests");
  const { state, form } = useFormAction(deleteQueueViewAction);
  return (
    <form {...form} style={{ display: "contents" }}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={className} aria-label={t("views.delete", { name })} title={t("views.delete", { name })}>
        <span aria-hidden="true">×</span>
      </button>
      {!state.ok && state.formError ? (
        <span className="error" role="status">
          {t(`views.errors.${state.formError === "not-found" ? "not-found" : "invalid"}`)}
        </span>
      ) : null}
    </form>
  );
}
