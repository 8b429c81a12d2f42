import { getLocale, getTranslations } from "next-intl/server";
import { getDateFormatter } from "@/lib/server/format";
import { shownRecipient } from "@/lib/outbox/recipient";
import { replaceSealedLinks } from "@/lib/outbox/sealed-links";
import { noteText } from "@/lib/requests/system-notes";
import type { OutboxMessage, RequestEvent } from "@/db/requests";
import { enteredLater, toLocalInput } from "@/lib/requests/receipt";
import { TableWrap } from "@/components/ui/table-wrap";

/** When the request reached the brand and when staff entered it (subject_requests.received_at and created_at). */
type Receipt = { receivedAt: Date; enteredAt: Date; intake: string; timeZone: string };
type Props = {
  events: (RequestEvent & { actorName: string | null })[];
  messages: OutboxMessage[];
  showAddresses: boolean;
  receipt: Receipt;
  /** How the request ended, shown on the row that closed it (issue 18). */
  outcome?: { outcome: string | null; denialReason: string | null };
};

const statusKey = (s: string | null) => (s && s !== "new" ? `requests.statuses.${s}` : null);

/**
 * Who did what, when, from which status to which, and why; then every message sent for the request.
 * A request entered after it was received (a letter typed in days later) opens with its receipt,
 * and its intake row reads "Entered", by whom, with any reason for the delay.
 */
export async function RequestTimeline({ events, messages, showAddresses, receipt, outcome }: Props) {
  const [t, tr, format, locale] = await Promise.all([getTranslations("requestDetail"), getTranslations(), getDateFormatter(), getLocale()]);
  const recipientOf = (m: OutboxMessage) => {
    const shown = shownRecipient(m);
    return "address" in shown ? shown.address : tr(`outbox.${shown.erased}`);
  };
  const dt = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const label = (s: string | null) => {
    const k = statusKey(s);
    return k ? tr(k as never) : s === "new" ? t("new") : "";
  };
  // The closing row names the outcome and the reason of a denial or of the part withheld.
  const closing = outcome?.outcome
    ? [
        tr(`requests.outcomes.${outcome.outcome}` as never),
        outcome.denialReason ? tr(`requests.denialReasons.${outcome.denialReason}` as never) : null,
      ]
        .filter(Boolean)
        .join(" · ")
    : null;
  const closes = (e: RequestEvent) => e.kind === "status" && (e.toStatus === "completed" || e.toStatus === "rejected");
  const apart = enteredLater(receipt.receivedAt, receipt.enteredAt);
  const wall = toLocalInput(receipt.receivedAt, receipt.timeZone).replace("T", " ");
  return (
    <>
      <TableWrap label={t("timeline")}>
        <table>
          <caption>{t("timeline")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("when")}</th>
              <th scope="col">{t("who")}</th>
              <th scope="col">{t("what")}</th>
              <th scope="col">{t("change")}</th>
              <th scope="col">{t("why")}</th>
            </tr>
          </thead>
          <tbody>
            {apart ? (
              <tr>
                <td>{dt(receipt.receivedAt)}</td>
                <td>{t("system")}</td>
                <td>{t("received")}</td>
                <td></td>
                <td>{t("receivedVia", { channel: t(`intakes.${receipt.intake}` as never), local: wall, zone: receipt.timeZone })}</td>
              </tr>
            ) : null}
            {events.map((e) => (
              <tr key={e.id}>
                <td>{dt(e.at)}</td>
                <td>{e.actorName ?? t("system")}</td>
                <td>{apart && e.fromStatus === "new" ? t("entered") : t(`kinds.${e.kind}`)}</td>
                <td>
                  {e.fromStatus || e.toStatus ? `${label(e.fromStatus)} → ${label(e.toStatus)}` : ""}
                  {closing && closes(e) ? <strong style={{ display: "block" }}>{closing}</strong> : null}
                </td>
                <td>{e.note ? <TimelineNote text={noteText(e.note, locale)} stored={e.note} /> : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <TableWrap label={t("messages")}>
        <table>
          <caption>{t("messages")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("when")}</th>
              <th scope="col">{t("messageKind")}</th>
              <th scope="col">{t("messageSubject")}</th>
              <th scope="col">{t("messageStatus")}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id}>
                <td>{dt(m.createdAt)}</td>
                <td>{tr(`outbox.kinds.${m.kind}`)}</td>
                <td>
                  {/* Written to the person in their language, not the reader's: marked so, as the outbox viewer does. */}
                  <span lang={m.locale}>{m.subjectLine}</span>
                  {showAddresses ? (
                    <details>
                      <summary>{t("messageBody", { to: recipientOf(m) })}</summary>
                      <pre style={{ whiteSpace: "pre-wrap" }} lang={m.locale}>
                        {replaceSealedLinks(m.body, () => tr("outbox.sealedLink"))}
                      </pre>
                    </details>
                  ) : null}
                </td>
                <td>{tr(`outbox.statuses.${m.status}`)}</td>
              </tr>
            ))}
            {messages.length === 0 ? (
              <tr>
                <td colSpan={4} className="muted">
                  {t("noMessages")}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

/** A note in the reader's language when Candor wrote it; a staff member's note as they wrote it. */
function TimelineNote({ text, stored }: { text: string; stored: string }) {
  return text === stored ? <span translate="no">{text}</span> : text;
}
