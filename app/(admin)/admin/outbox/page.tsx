import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDateFormatter } from "@/lib/server/format";
import { outboxFilterSchema } from "@/lib/outbox/filter";
import { outboxKinds, outboxStatuses } from "@/lib/outbox/vocabulary";
import { MAX_SEND_ATTEMPTS } from "@/lib/outbox/retry";
import { ERASED_ADDRESS } from "@/lib/outbox/send-error";
import { shownRecipient } from "@/lib/outbox/recipient";
import { replaceSealedLinks } from "@/lib/outbox/sealed-links";
import { requirePagePermission } from "@/lib/server/session";
import { config } from "@/lib/server/config";
import { listOutbox } from "@/db/requests";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outbox"))("title") };
}

const tone = { pending: "warn", sending: "warn", sent: "ok", failed: "danger" } as const;

/** Every message Candor sent or will send, to subjects and to staff, for staff to check what people were told. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission("outbox:read", "/admin/outbox");
  const [t, format] = await Promise.all([getTranslations("outbox"), getDateFormatter()]);
  const filter = outboxFilterSchema.parse(await searchParams);
  const { rows, hasMore } = await listOutbox({ ...filter, pageSize: 30 });
  const smtp = config().smtp !== null;
  const dt = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  // An erased person's address is replaced once their message is sent or has failed for good.
  const recipient = (m: (typeof rows)[number]) => {
    const shown = shownRecipient(m);
    return "address" in shown ? shown.address : t(shown.erased);
  };
  return (
    <div className="stack">
      <PageHeader title={t("title")} description={smtp ? t("descriptionSmtp") : t("descriptionNoSmtp")} />
      <form method="get" className="filters card" role="search" aria-label={t("filters")}>
        <div className="field">
          <label htmlFor="ob-to">{t("to")}</label>
          <input id="ob-to" name="to" type="search" defaultValue={filter.to} />
        </div>
        <div className="field">
          <label htmlFor="ob-status">{t("status")}</label>
          <select id="ob-status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">{t("allStatuses")}</option>
            {outboxStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ob-kind">{t("kind")}</label>
          <select id="ob-kind" name="kind" defaultValue={filter.kind ?? ""}>
            <option value="">{t("allKinds")}</option>
            {outboxKinds.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="submit" className="button">
            {t("apply")}
          </button>
        </div>
      </form>
      {rows.length === 0 ? (
        <div className="card">
          <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
        </div>
      ) : (
        <ol className="stack" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-label={t("listLabel")}>
          {rows.map((m) => (
            <li key={m.id} className="card stack" style={{ gap: "0.4rem" }} data-testid="outbox-message">
              <div className="row" style={{ justifyContent: "space-between" }}>
                <strong lang={m.locale}>{m.subjectLine}</strong>
                <Badge tone={tone[m.status]}>{t(`statuses.${m.status}`)}</Badge>
              </div>
              <div className="muted">{t("meta", { to: recipient(m), kind: t(`kinds.${m.kind}`), at: dt(m.createdAt) })}</div>
              {m.scrubAddress && m.toAddress !== ERASED_ADDRESS ? <p className="muted">{t("erasedOnceSent")}</p> : null}
              {m.status === "pending" && m.nextAttemptAt && m.attempts > 0 ? (
                <p className="muted">{t("retrying", { attempts: m.attempts, max: MAX_SEND_ATTEMPTS, at: dt(m.nextAttemptAt) })}</p>
              ) : null}
              <details>
                <summary>{t("show")}</summary>
                <pre className="message-body" lang={m.locale}>
                  {replaceSealedLinks(m.body, () => t("sealedLink"))}
                </pre>
              </details>
              {m.error ? <p className="alert error">{m.error}</p> : null}
            </li>
          ))}
        </ol>
      )}
      <Pager
        path="/admin/outbox"
        filters={filter}
        page={filter.page}
        hasMore={hasMore}
        labels={{ nav: t("pages"), back: t("newer"), on: t("older"), page: t("page", { page: filter.page }) }}
      />
    </div>
  );
}
