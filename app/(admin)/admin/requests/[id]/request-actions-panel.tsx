import { getTranslations } from "next-intl/server";
import { completionEffect } from "@/lib/requests/fulfilment";
import type { RequestStatus } from "@/lib/requests/vocabulary";
import { RequestActionForm, type RequestActionProps } from "./request-actions";
import {
  addNoteAction,
  assignRequestAction,
  checkCodeAction,
  completeRequestAction,
  extendRequestAction,
  denyRequestAction,
  markVerifiedAction,
  startVerificationAction,
} from "./actions";
import { CompleteForm, DenyForm } from "./outcome-forms";

type Props = {
  request: {
    id: number;
    type: string;
    status: RequestStatus;
    verification: string;
    verified: boolean;
    canExtend: boolean;
    /** Made by an agent who has shown no signed permission or power of attorney: it cannot be complied with. */
    agentWithoutProof: boolean;
  };
  me: number;
  assignees: { id: number; name: string }[];
};

/** The actions the request's status allows, in the order an officer meets them; the server checks the same rules again. */
export async function RequestActionsPanel({ request: r, me, assignees }: Props) {
  const t = await getTranslations("requestDetail");
  const effect = completionEffect(r.type);
  const verify = r.verification !== "none";
  const secondary = "button secondary";
  const shown: (Omit<RequestActionProps, "requestId"> | false)[] = [
    r.status === "received" &&
      verify && { action: startVerificationAction, label: t("startVerification"), help: t("startVerificationHelp") },
    r.status === "verifying" && {
      action: checkCodeAction,
      label: t("checkCode"),
      field: { name: "code", kind: "code", label: t("code") },
      help: t("checkCodeHelp"),
    },
    (r.status === "received" || r.status === "verifying") && {
      action: markVerifiedAction,
      label: verify ? t("markVerified") : t("startWork"),
      field: { name: "note", kind: "text", label: t("verifyNote") },
      help: verify ? t("markVerifiedHelp") : t("startWorkHelp"),
    },
    {
      action: assignRequestAction,
      label: t("assign"),
      field: {
        name: "assigneeId",
        kind: "select",
        label: t("assignee"),
        options: [...assignees]
          .sort((a, b) => (a.id === me ? -1 : b.id === me ? 1 : 0))
          .map((a) => ({ value: a.id, label: a.id === me ? t("me", { name: a.name }) : a.name })),
      },
      tone: secondary,
    },
    { action: addNoteAction, label: t("addNote"), field: { name: "note", kind: "text", label: t("note") }, tone: secondary },
    r.canExtend && {
      action: extendRequestAction,
      label: t("extend"),
      field: { name: "reason", kind: "text", label: t("extendReason") },
      help: t("extendHelp"),
      tone: secondary,
    },
  ];
  return (
    <section aria-labelledby="actions-h" className="stack">
      <h2 id="actions-h">{t("actions")}</h2>
      <div className="grid-cards">
        {r.status === "in_progress" ? (
          <CompleteForm
            action={completeRequestAction}
            requestId={r.id}
            label={t("complete")}
            help={r.agentWithoutProof ? t("agentNoProofHelp") : t(`completeHelp.${effect}`)}
            confirm={t(`completeConfirm.${effect}`)}
            tone={effect === "erase" ? "button danger" : "button"}
          />
        ) : null}
        {shown.map((form) => (form ? <RequestActionForm key={form.label} requestId={r.id} {...form} /> : null))}
        <DenyForm action={denyRequestAction} requestId={r.id} />
      </div>
    </section>
  );
}
