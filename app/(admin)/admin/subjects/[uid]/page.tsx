import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDateFormatter } from "@/lib/server/format";
import { z } from "zod";
import { requirePagePermission } from "@/lib/server/session";
import { purposeName } from "@/lib/purposes/titles";
import { getPurposeTitles } from "@/lib/server/purpose-titles";
import { getSensitiveLimit, getSubjectByUid, getSubjectConsents, listSubjectEvents } from "@/db/consent";
import { listSubjectRequests, recordSubjectView } from "@/db/subjects";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { TableWrap } from "@/components/ui/table-wrap";
import { SubjectConsents } from "./subject-consents";
import { RequestRef } from "@/components/requests/request-ref";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("subjects"))("recordTitle") };
}

const uidSchema = z.string().regex(/^[\w-]{1,64}$/);

/** One customer's record: who they are, what they chose, when, under which notice, and what they asked for. */
export default async function SubjectPage({ params }: { params: Promise<{ uid: string }> }) {
  const user = await requirePagePermission("subject:read-pii", "/admin/subjects");
  const parsed = uidSchema.safeParse((await params).uid);
  const subject = parsed.success ? await getSubjectByUid(parsed.data) : undefined;
  if (!subject) notFound();
  await recordSubjectView(subject, user);
  const [t, tr, tv, format, titles] = await Promise.all([
    getTranslations("subjects"),
    getTranslations("requests"),
    getTranslations("vocabulary"),
    getDateFormatter(),
    getPurposeTitles(),
  ]);
  const events = await listSubjectEvents(subject.id, 200);
  const requests = await listSubjectRequests(subject.id);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const limit = await getSensitiveLimit(subject.id);
  return (
    <div className="stack">
      <PageHeader
        title={subject.name ?? subject.email ?? subject.uid}
        description={<span className="mono">{subject.uid}</span>}
        actions={subject.isMinor ? <Badge tone="warn">{t("minor")}</Badge> : null}
      />
      <section className="card" aria-labelledby="profile">
        <h2 id="profile">{t("profile")}</h2>
        <dl className="facts">
          {[
            [t("email"), subject.email ?? "—"],
            [t("externalId"), subject.externalId ?? "—"],
            [t("phone"), subject.phone ?? "—"],
            [
              t("jurisdiction"),
              tv.has(`jurisdiction.${subject.jurisdiction}`) ? tv(`jurisdiction.${subject.jurisdiction}`) : subject.jurisdiction,
            ],
            [t("locale"), tv.has(`language.${subject.locale}`) ? tv(`language.${subject.locale}`) : subject.locale],
            [t("guardian"), subject.guardianName ? `${subject.guardianName} (${subject.guardianEmail ?? "—"})` : "—"],
            [t("since"), when(subject.createdAt)],
            [t("sensitiveLimit"), limit ? t("sensitiveLimitSince", { date: when(limit.limitedAt), ref: limit.requestRef }) : "—"],
          ].map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <SubjectConsents consents={await getSubjectConsents(subject.id)} />
      <div className="stack">
        <h2 id="history">{t("history")}</h2>
        <TableWrap label={t("history")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("when")}</th>
                <th scope="col">{t("purpose")}</th>
                <th scope="col">{t("event")}</th>
                <th scope="col">{t("source")}</th>
                <th scope="col">{t("notice")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>{when(e.occurredAt)}</td>
                  <td>
                    {purposeName({ key: e.purposeKey, name: e.purposeName }, titles)}
                    {e.channel ? (
                      <span className="muted"> · {tv.has(`channel.${e.channel}`) ? tv(`channel.${e.channel}`) : e.channel}</span>
                    ) : null}
                  </td>
                  <td>
                    {t(`events.${e.event}`)} {e.gpc ? <Badge tone="info">GPC</Badge> : null}
                    {e.guardianName ? <div className="muted">{t("byGuardian", { name: e.guardianName })}</div> : null}
                  </td>
                  <td>{t(`sources.${e.source}`)}</td>
                  <td>
                    v{e.noticeVersion} ({e.noticeLocale})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        {events.length === 0 ? <p className="muted">{t("noEvents")}</p> : null}
      </div>
      <div className="stack">
        <h2 id="requests">{t("requests")}</h2>
        {requests.length ? (
          <TableWrap label={t("requests")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{tr("ref")}</th>
                  <th scope="col">{tr("type")}</th>
                  <th scope="col">{tr("statusLabel")}</th>
                  <th scope="col">{tr("received")}</th>
                  <th scope="col">{tr("due")}</th>
                </tr>
              </thead>
              <tbody>
                {requests.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <RequestRef reference={r.ref} id={r.id} />
                    </td>
                    <td>{tr(`types.${r.type}`)}</td>
                    <td>{tr(`statuses.${r.status}`)}</td>
                    <td>{format.dateTime(r.receivedAt, { dateStyle: "medium" })}</td>
                    <td>{format.dateTime(r.dueAt, { dateStyle: "medium" })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : (
          <p className="muted" style={{ margin: 0 }}>
            {t("noRequests")}
          </p>
        )}
      </div>
    </div>
  );
}
