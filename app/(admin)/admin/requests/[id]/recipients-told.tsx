import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDateFormatter } from "@/lib/server/format";
import type { RecipientAcknowledgement, ToldDelivery } from "@/lib/propagation/acknowledgements";
import type { RequestStatus } from "@/lib/requests/vocabulary";
import type { RecipientPreview } from "@/db/propagation";
import { AcknowledgementSteps } from "@/components/deliveries/acknowledgement-steps";
import { ConfirmDeliveryForm } from "@/components/deliveries/confirm-delivery-form";
import { Badge } from "@/components/ui/badge";
import { confirmRecipientAction } from "./recipients-actions";

type Props = {
  request: { id: number; type: string; status: RequestStatus };
  told: RecipientAcknowledgement[];
  /** Who completing will tell (null: nobody can be, as no person is linked). */
  preview: RecipientPreview[] | null;
  canConfirm: boolean;
  timeZone: string;
};

const open = (s: RequestStatus) => s === "received" || s === "verifying" || s === "in_progress";

/**
 * "Recipients told" (GDPR Art. 19, CCPA §7022(b) and §7026(f)): every recipient that held the person's data,
 * how far its acknowledgement got (queued → delivered → confirmed), and a form to mark it confirmed with a
 * note. While the request is open it also says who completing will tell, from the data map.
 */
export async function RecipientsTold({ request, told, preview, canConfirm, timeZone }: Props) {
  const [t, tv, format] = await Promise.all([getTranslations("deliveries.told"), getTranslations("vocabulary.role"), getDateFormatter()]);
  const td = await getTranslations("deliveries");
  const dt = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone });
  const line = (d: ToldDelivery) => {
    const parts = [t("queuedAt", { at: dt(d.queuedAt) })];
    if (d.deliveredAt && d.deliveredVia) parts.push(t("deliveredAt", { at: dt(d.deliveredAt), via: td(`via.${d.deliveredVia}`) }));
    if (d.confirmedAt)
      parts.push(
        d.confirmedVia === "recipient"
          ? t("confirmedByRecipient", { at: dt(d.confirmedAt) })
          : t("confirmedByOfficer", { at: dt(d.confirmedAt), name: d.confirmedByName ?? t("anOfficer") }),
      );
    return parts.join(" · ");
  };
  const willTell = open(request.status) && preview !== null;
  return (
    <section className="card stack" aria-labelledby="told-h">
      <h2 id="told-h">{t("title")}</h2>
      <p className="muted" style={{ margin: 0 }}>
        {t("intro", { zone: timeZone })}
      </p>
      {willTell ? (
        <div className="stack" style={{ gap: "0.5rem" }}>
          <h3>{request.type === "rectification" ? t("willTellCorrection") : t("willTell")}</h3>
          {preview.length === 0 ? (
            <p className="muted">{t("willTellNone")}</p>
          ) : (
            <ul className="told-list">
              {preview.map((p) => (
                <li key={p.recipient.id}>
                  <strong>{p.recipient.name}</strong>{" "}
                  <span className="muted">
                    {tv(p.recipient.role)} · {p.recipient.country}
                    {p.paths.length ? ` · ${p.paths.map((k) => td(`via.${k}`)).join(", ")}` : ""}
                  </span>
                  {p.unreachable ? <p className="alert warn">{t("unreachable")}</p> : null}
                  {p.noIdentifier ? <p className="alert warn">{t("noIdentifierAhead")}</p> : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      {open(request.status) && preview === null ? <p className="muted">{t("noPerson")}</p> : null}
      {request.status === "rejected" && told.length === 0 ? <p className="muted">{t("rejected")}</p> : null}
      {request.status === "completed" && told.length === 0 ? <p className="muted">{t("noneTold")}</p> : null}
      {told.length > 0 ? (
        <ul className="told-list" aria-label={t("listLabel")}>
          {told.map((r) => (
            <li key={r.recipient.id} className="stack" style={{ gap: "0.4rem" }} data-testid="recipient-told">
              <div className="row" style={{ justifyContent: "space-between" }}>
                <h3 style={{ margin: 0 }}>
                  <Link href={`/admin/recipients/${r.recipient.id}`}>{r.recipient.name}</Link>
                </h3>
                {r.state === "parked" ? <Badge tone="danger">{t("needsAttention")}</Badge> : null}
              </div>
              <span className="muted">
                {tv(r.recipient.role)} · {r.recipient.country}
              </span>
              <AcknowledgementSteps state={r.state} label={t("progress", { name: r.recipient.name, state: td(`states.${r.state}`) })} />
              <ul className="told-deliveries">
                {r.deliveries.map((d) => (
                  <li key={d.id}>
                    <strong>{td(`eventTypes.${d.eventType}`)}</strong>
                    {d.state === "superseded" ? ` · ${td("states.superseded")}` : null} <span className="muted">{line(d)}</span>
                    {d.confirmNote ? <q className="note">{d.confirmNote}</q> : null}
                    {d.state === "parked" ? (
                      <p className="alert error">
                        {t("parked")} <Link href={`/admin/recipients/${r.recipient.id}/deliveries?state=parked`}>{t("openParked")}</Link>
                      </p>
                    ) : null}
                    {d.noIdentifier && d.state !== "confirmed" ? <p className="alert warn">{t("noIdentifier")}</p> : null}
                  </li>
                ))}
              </ul>
              {canConfirm && r.unconfirmed.length > 0 ? (
                <ConfirmDeliveryForm
                  action={confirmRecipientAction}
                  hidden={{ requestId: request.id, recipientId: r.recipient.id }}
                  label={t("confirmLabel", { name: r.recipient.name })}
                  help={t("confirmHelp")}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
