import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { reviewScopeFor } from "@/lib/notifications/vocabulary";
import { requirePagePermission } from "@/lib/server/session";
import { getDateFormatter } from "@/lib/server/format";
import { listReviewInbox, type ReviewItem } from "@/db/notifications";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inbox"))("title") };
}

/** Where an item is reviewed: the purpose's page (its revision shows there too) or the notice's editor in its language. */
function reviewHref(item: ReviewItem): string {
  if (item.kind === "policy-version") return "/admin/privacy-policy";
  return item.kind === "notice-version" ? `/admin/purposes/${item.purposeId}/notices/${item.locale}` : `/admin/purposes/${item.purposeId}`;
}

/** The review inbox: what waits on this reviewer, who sent it and since when; what they wrote themselves waits on someone else. */
export default async function ReviewInboxPage() {
  const user = await requirePagePermission("profile:manage", "/admin/inbox");
  const scope = reviewScopeFor(user.role);
  // Deny by default: a role that reviews neither purposes nor notices has no inbox; this refuses it (audited, 403).
  if (!scope.purposes && !scope.notices) await requirePagePermission("purpose:review", "/admin/inbox");
  const [t, tv, format, items] = await Promise.all([
    getTranslations("inbox"),
    getTranslations("vocabulary"),
    getDateFormatter(),
    listReviewInbox(scope),
  ]);
  const now = new Date();
  const waiting = items.filter((i) => i.authorId !== user.id);
  const own = items.filter((i) => i.authorId === user.id);
  const localeName = (l: string | null) => (l && tv.has(`language.${l}`) ? tv(`language.${l}`) : (l ?? ""));

  const list = (rows: ReviewItem[], label: string) => (
    <ol className="stack" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-label={label}>
      {rows.map((item) => (
        <li key={`${item.kind}-${item.id}`} className="card stack" style={{ gap: "0.35rem" }} data-testid="review-item">
          <div className="row" style={{ justifyContent: "space-between", gap: "0.5rem" }}>
            <Link href={reviewHref(item)}>
              {/* A notice's title is in its own language, which a screen reader then reads in the right voice. */}
              <strong>
                {item.kind === "policy-version" ? (
                  t("policyTitle", { version: item.version ?? 1 })
                ) : (
                  <span lang={item.locale ?? undefined}>{item.title}</span>
                )}
                {item.kind === "notice-version"
                  ? ` ${t("noticeMeta", { locale: localeName(item.locale), version: item.version ?? 1 })}`
                  : null}
              </strong>
            </Link>
            <Badge tone="info">{t(`kinds.${item.kind}`)}</Badge>
          </div>
          <dl className="facts">
            <dt>{t("submittedBy")}</dt>
            <dd>{item.submittedByName ?? t("unknownSubmitter")}</dd>
            <dt>{t("waiting")}</dt>
            <dd>
              <time dateTime={item.submittedAt.toISOString()}>
                {t("since", {
                  relative: format.relativeTime(item.submittedAt, now),
                  at: format.dateTime(item.submittedAt, { dateStyle: "medium", timeStyle: "short" }),
                })}
              </time>
            </dd>
          </dl>
        </li>
      ))}
    </ol>
  );

  return (
    <div className="stack">
      <PageHeader title={t("title")} description={t("description")} />
      <section className="stack" aria-labelledby="inbox-waiting-h">
        <h2 id="inbox-waiting-h">{t("waitingHeading")}</h2>
        {waiting.length === 0 ? (
          <div className="card">
            <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
          </div>
        ) : (
          list(waiting, t("tableCaption"))
        )}
      </section>
      {own.length > 0 ? (
        <section className="stack" aria-labelledby="inbox-own-h">
          <h2 id="inbox-own-h">{t("ownHeading")}</h2>
          <p className="muted">{t("ownHelp")}</p>
          {list(own, t("ownCaption"))}
        </section>
      ) : null}
    </div>
  );
}
