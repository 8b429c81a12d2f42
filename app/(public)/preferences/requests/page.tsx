import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { subjectStatus } from "@/lib/requests/subject-intake";
import { requestTypesFor } from "@/lib/requests/limit";
import { reasonText } from "@/lib/requests/system-reasons";
import { getPreferencesSubject } from "@/lib/server/preferences-session";
import { listSubjectRequests } from "@/db/subjects";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { StackedCell, stackedRoles } from "@/components/ui/stacked-cell";
import { TableWrap } from "@/components/ui/table-wrap";
import { NewRequestForm } from "./new-request-form";
import { RequestCodeForm } from "./request-code-form";
import { RequestRef } from "@/components/requests/request-ref";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("myRequests"))("title"), robots: { index: false } };
}

const tones: Record<ReturnType<typeof subjectStatus>, BadgeTone> = {
  "waiting-for-code": "warn",
  received: "info",
  "in-progress": "info",
  done: "ok",
  refused: "danger",
};

/** The subject's requests about their data: where each stands and when it is due, and a way to make a new one. */
export default async function MyRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const subject = await getPreferencesSubject();
  if (!subject) redirect("/preferences");
  const [t, format, q, locale] = await Promise.all([getTranslations("myRequests"), getFormatter(), searchParams, getLocale()]);
  const requests = await listSubjectRequests(subject.id);
  const waiting = requests.filter((r) => subjectStatus(r.status, r.verification) === "waiting-for-code");
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const preset = typeof q.type === "string" ? q.type : undefined;
  return (
    <article className="stack">
      <p>
        <Link href="/preferences">{t("back")}</Link>
      </p>
      <header className="stack" style={{ gap: "0.35rem" }}>
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro")}</p>
      </header>
      {waiting.map((r) => (
        <section key={r.id} className="card stack" aria-labelledby={`code-${r.id}`}>
          <h2 id={`code-${r.id}`}>{t("code.title", { ref: r.ref })}</h2>
          <p style={{ margin: 0 }}>{t("code.body", { what: t(`types.${r.type}.label`) })}</p>
          <RequestCodeForm requestId={r.id} />
        </section>
      ))}
      {/* Not a named region itself: the table's frame is the region of this name (axe landmark-unique). */}
      <section className="stack">
        <h2 id="mine">{t("list.title")}</h2>
        {requests.length === 0 ? (
          <EmptyState title={t("list.empty")} />
        ) : (
          <TableWrap label={t("list.title")} stacked>
            <table {...stackedRoles.table}>
              <thead {...stackedRoles.rowgroup}>
                <tr {...stackedRoles.row}>
                  <th scope="col" {...stackedRoles.columnheader}>
                    {t("list.ref")}
                  </th>
                  <th scope="col" {...stackedRoles.columnheader}>
                    {t("list.what")}
                  </th>
                  <th scope="col" {...stackedRoles.columnheader}>
                    {t("list.status")}
                  </th>
                  <th scope="col" {...stackedRoles.columnheader}>
                    {t("list.received")}
                  </th>
                  <th scope="col" {...stackedRoles.columnheader}>
                    {t("list.due")}
                  </th>
                </tr>
              </thead>
              <tbody {...stackedRoles.rowgroup}>
                {requests.map((r) => {
                  const s = subjectStatus(r.status, r.verification);
                  return (
                    <tr key={r.id} {...stackedRoles.row}>
                      <StackedCell label={t("list.ref")}>
                        <RequestRef reference={r.ref} />
                      </StackedCell>
                      <StackedCell label={t("list.what")} rowHeader>
                        {t(`types.${r.type}.label`)}
                      </StackedCell>
                      <StackedCell label={t("list.status")}>
                        <Badge tone={tones[s]}>{t(`status.${s}`)}</Badge>
                        {r.rejectionReason ? <div className="muted">{reasonText(r.rejectionReason, locale)}</div> : null}
                      </StackedCell>
                      <StackedCell label={t("list.received")}>
                        <time dateTime={r.receivedAt.toISOString()}>{day(r.receivedAt)}</time>
                      </StackedCell>
                      <StackedCell label={t("list.due")}>
                        {r.closedAt ? (
                          t("list.closedOn", { date: day(r.closedAt) })
                        ) : (
                          <time dateTime={r.dueAt.toISOString()}>{day(r.dueAt)}</time>
                        )}
                        {r.extendedAt && !r.closedAt ? <div className="muted">{t("list.extended")}</div> : null}
                      </StackedCell>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
      <section className="card stack" aria-labelledby="new-request">
        <h2 id="new-request">{t("new.title")}</h2>
        <p className="muted" style={{ margin: 0 }}>
          {t("new.intro")}
        </p>
        <NewRequestForm preset={preset} types={requestTypesFor(subject.jurisdiction)} />
      </section>
    </article>
  );
}
