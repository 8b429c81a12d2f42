import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/config";
import { complaintSentence } from "@/lib/messages/templates/complaint";
import { regimeFor } from "@/lib/requests/clock-rules";
import { publicTimeline } from "@/lib/requests/status-timeline";
import { withheldSentence } from "@/lib/requests/outcome-text";
import { subjectStatus } from "@/lib/requests/subject-intake";
import { checkStatusToken } from "@/lib/server/request-status";
import { getPublicRequestStatus } from "@/db/requests";
import { getBrandSettings } from "@/db/staff";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import styles from "./status.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  // The token is the key to the page: never indexed, never sent on as a referrer.
  return { title: (await getTranslations("myRequests.statusPage"))("metaTitle"), robots: { index: false }, referrer: "no-referrer" };
}

const tones: Record<ReturnType<typeof subjectStatus>, BadgeTone> = {
  "waiting-for-code": "warn",
  received: "info",
  "in-progress": "info",
  done: "ok",
  refused: "danger",
};

/** The token as written in the link; a broken escape (a mangled link) reads as no token at all. */
function decoded(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return "";
  }
}

/** A link that opens nothing: said plainly, in the reader's language, with nothing about any request. */
async function Unusable({ why }: { why: "invalid" | "expired" | "gone" }) {
  const t = await getTranslations("myRequests.statusPage");
  return (
    <article className="stack" aria-labelledby="status-title">
      <h1 id="status-title">{t(`${why}.title`)}</h1>
      <p className="lead">{t(`${why}.body`)}</p>
    </article>
  );
}

/**
 * A person's request as they follow it from the acknowledgement's signed link (issue 17): its
 * timeline, due date and, for a refusal, the reason and how to complain under its law. It shows
 * only what the person was told: no staff notes, no staff names.
 */
export default async function RequestStatusPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const check = checkStatusToken(decoded(token));
  if (!check.ok) return <Unusable why={check.reason} />;
  const request = await getPublicRequestStatus(check.ref);
  if (!request) return <Unusable why="gone" />;
  const [t, tr, format, locale, brand] = await Promise.all([
    getTranslations("myRequests.statusPage"),
    getTranslations("myRequests"),
    getFormatter(),
    getLocale(),
    getBrandSettings(),
  ]);
  const lang = isLocale(locale) ? locale : "en";
  const contact = brand?.dpoEmail || brand?.contactEmail || "";
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const now = subjectStatus(request.status, request.verification);
  const steps = publicTimeline(request, request.events, lang);
  const refusal = steps.findLast((s) => s.step === "refused");
  // A part withheld is told with its reason, as a denial is on its timeline step.
  const withheld = withheldSentence(request, lang);
  return (
    <article className="stack" aria-labelledby="status-title">
      <header className="stack" style={{ gap: "0.35rem" }}>
        <h1 id="status-title">{t("title", { ref: request.ref })}</h1>
        <p className="lead">{t("intro", { brand: brand?.name ?? "Candor" })}</p>
      </header>
      <dl className={styles.facts}>
        <div>
          <dt>{tr("list.what")}</dt>
          <dd>{tr(`types.${request.type}.label`)}</dd>
        </div>
        <div>
          <dt>{tr("list.status")}</dt>
          <dd>
            <Badge tone={tones[now]}>{tr(`status.${now}`)}</Badge>
          </dd>
        </div>
        {request.outcome ? (
          <div>
            <dt>{t("outcome")}</dt>
            <dd>
              {t(`outcomes.${request.outcome}`)}
              {withheld ? <span className={styles.withheld}>{withheld}</span> : null}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{tr("list.received")}</dt>
          <dd>{day(request.receivedAt)}</dd>
        </div>
        <div>
          <dt>{tr("list.due")}</dt>
          <dd>{request.closedAt ? tr("list.closedOn", { date: day(request.closedAt) }) : day(request.dueAt)}</dd>
        </div>
      </dl>
      <section className="card stack" aria-labelledby="status-timeline">
        <h2 id="status-timeline">{t("timeline")}</h2>
        <ol className={styles.timeline}>
          {steps.map((s, i) => (
            <li key={i}>
              <time dateTime={s.at.toISOString()}>{day(s.at)}</time>
              <strong>{t(`steps.${s.step}`)}</strong>
              {s.reason ? <p>{t("reason", { reason: s.reason })}</p> : null}
            </li>
          ))}
        </ol>
      </section>
      {refusal ? (
        <section className="card stack" aria-labelledby="status-complaint">
          <h2 id="status-complaint">{t("complaint")}</h2>
          <p style={{ margin: 0 }}>{complaintSentence(regimeFor(request.jurisdiction), lang, contact || (brand?.name ?? ""))}</p>
        </section>
      ) : null}
      {contact ? <p className="muted">{t("contact", { contact })}</p> : null}
    </article>
  );
}
