import { getTranslations } from "next-intl/server";
import { completionEffect } from "@/lib/requests/fulfilment";
import type { RequestStatus } from "@/lib/requests/vocabulary";
import { RequestActionForm } from "./request-actions";
import {
  addNoteAction,
  assignRequestAction,
  checkCodeAction,
  completeRequestAction,
  extendRequestAction,
  markVerifiedAction,
  rejectRequestAction,
  startVerificationAction,
} from "./actions";

type Props = {
  request: { id: number; type: string; status: RequestStatus; verification: string; verified: boolean; canExtend: boolean };
  me: number;
  assignees: { id: number; name: string }[];
};

/** The actions the request's status allows; the server checks the same rules again. */
export async function RequestActionsPanel({ request: r, me, assignees }: Props) {
  const t = await getTranslations("requestDetail");
  const effect = completionEffect(r.type);
  const verify = r.verification !== "none";
  return (
    <section aria-labelledby="actions-h" className="stack">
      <h2 id="actions-h">{t("actions")}</h2>
      <div className="grid-cards">
        {r.status === "received" && verify ? (
          <RequestActionForm
            action={startVerificationAction}
            requestId={r.id}
            label={t("startVerification")}
            help={t("startVerificationHelp")}
          />
        ) : null}
        {r.status === "verifying" ? (
          <RequestActionForm
            action={checkCodeAction}
            requestId={r.id}
            label={t("checkCode")}
            field="code"
            fieldLabel={t("code")}
            help={t("checkCodeHelp")}
          />
        ) : null}
        {r.status === "received" || r.status === "verifying" ? (
          <RequestActionForm
            action={markVerifiedAction}
            requestId={r.id}
            label={verify ? t("markVerified") : t("startWork")}
            field="note"
            fieldLabel={t("verifyNote")}
            help={verify ? t("markVerifiedHelp") : t("startWorkHelp")}
          />
        ) : null}
        {r.status === "in_progress" ? (
          <RequestActionForm
            action={completeRequestAction}
            requestId={r.id}
            label={t("complete")}
            help={t(`completeHelp.${effect}`)}
            confirm={t(`completeConfirm.${effect}`)}
            tone={effect === "erase" ? "button danger" : "button"}
          />
        ) : null}
        <RequestActionForm
          action={assignRequestAction}
          requestId={r.id}
          label={t("assign")}
          field="assigneeId"
          fieldLabel={t("assignee")}
          options={[...assignees]
            .sort((a, b) => (a.id === me ? -1 : b.id === me ? 1 : 0))
            .map((a) => ({ value: a.id, label: a.id === me ? t("me", { name: a.name }) : a.name }))}
          tone="button secondary"
        />
        <RequestActionForm
          action={addNoteAction}
          requestId={r.id}
          label={t("addNote")}
          field="note"
          fieldLabel={t("note")}
          tone="button secondary"
        />
        {r.canExtend ? (
          <RequestActionForm
            action={extendRequestAction}
            requestId={r.id}
            label={t("extend")}
            field="reason"
            fieldLabel={t("extendReason")}
            help={t("extendHelp")}
            tone="button secondary"
          />
        ) : null}
        <RequestActionForm
          action={rejectRequestAction}
          requestId={r.id}
          label={t("reject")}
          field="reason"
          fieldLabel={t("rejectReason")}
          help={t("rejectHelp")}
          tone="button secondary"
        />
      </div>
    </section>
  );
}
