import { getTranslations } from "next-intl/server";
import { getDateFormatter } from "@/lib/server/format";
import { pathState, previousSecretSignsUntil } from "@/lib/propagation/paths";
import type { PathSummary, RecipientListItem } from "@/db/propagation";
import { Badge } from "@/components/ui/badge";
import { pathStateTone } from "@/components/recipients/path-state-tone";
import { EmptyState } from "@/components/ui/empty-state";
import { FeedToggleControl, RotateSecretControl, TogglePathControl } from "./path-controls";

/** Each path of the recipient with where it stands, and for an officer the controls that change it. */
export async function PathList({ recipient, canManage, now }: { recipient: RecipientListItem; canManage: boolean; now: Date }) {
  const [t, format] = await Promise.all([getTranslations("recipients"), getDateFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  if (recipient.paths.length === 0)
    return <EmptyState title={t("paths.emptyTitle")}>{canManage ? t("paths.emptyBody") : t("paths.emptyBodyRead")}</EmptyState>;
  return (
    <ul className="stack" style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {recipient.paths.map((path) => {
        const state = pathState(path, recipient);
        const kind = t(`pathKinds.${path.kind}`);
        return (
          <li key={path.id} className="card stack" style={{ gap: "0.5rem" }}>
            <div className="row" style={{ justifyContent: "space-between", gap: "0.5rem" }}>
              <strong>{kind}</strong>
              <Badge tone={pathStateTone[state]}>{t(`pathStates.${state}`)}</Badge>
            </div>
            <PathFacts path={path} contactEmail={recipient.privacyContactEmail} now={now} when={when} />
            {path.status === "disabled" && path.disabledAt ? (
              <p className="muted" style={{ margin: 0 }}>
                {t(path.disabledReason === "gone" ? "paths.stoppedGone" : "paths.stoppedOfficer", { at: when(path.disabledAt) })}
              </p>
            ) : null}
            {canManage ? (
              <div className="row" style={{ gap: "0.75rem", alignItems: "flex-start" }}>
                {path.kind === "webhook" && path.status === "active" ? (
                  <RotateSecretControl
                    refs={{ recipientId: recipient.id, pathId: path.id }}
                    recipientName={recipient.name}
                    label={t("paths.rotate")}
                  />
                ) : null}
                {path.kind === "feed" ? (
                  <FeedToggleControl
                    refs={{ recipientId: recipient.id, pathId: path.id }}
                    active={path.status === "active"}
                    label={t(path.status === "active" ? "paths.disable" : "paths.enable", { kind })}
                    recipientName={recipient.name}
                  />
                ) : (
                  <TogglePathControl
                    key={path.status}
                    refs={{ recipientId: recipient.id, pathId: path.id }}
                    active={path.status === "active"}
                    label={t(path.status === "active" ? "paths.disable" : "paths.enable", { kind })}
                  />
                )}
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

async function PathFacts({
  path,
  contactEmail,
  now,
  when,
}: {
  path: PathSummary;
  contactEmail: string | null;
  now: Date;
  when: (d: Date) => string;
}) {
  const t = await getTranslations("recipients.paths");
  const tb = await getTranslations("recipients.batching");
  const facts: { label: string; value: React.ReactNode }[] = [];
  if (path.kind === "webhook") {
    facts.push({
      label: t("endpoint"),
      value: (
        <span className="mono" style={{ overflowWrap: "anywhere" }}>
          {path.url}
        </span>
      ),
    });
    const grace = previousSecretSignsUntil(path, now);
    facts.push({
      label: t("secret"),
      value: path.rotatedAt
        ? `${t("rotatedAt", { at: when(path.rotatedAt) })}${grace ? ` ${t("previousSigns", { until: when(grace) })}` : ""}`
        : t("secretSince", { at: when(path.createdAt) }),
    });
  } else if (path.kind === "feed") {
    facts.push({ label: t("key"), value: path.keyPrefix ? <span className="mono">{path.keyPrefix}…</span> : "—" });
    facts.push({
      label: t("keyUse"),
      value: path.keyRevokedAt
        ? t("keyRevokedAt", { at: when(path.keyRevokedAt) })
        : path.keyLastUsedAt
          ? t("keyLastUsed", { at: when(path.keyLastUsedAt) })
          : t("keyNeverUsed"),
    });
  } else {
    facts.push({ label: t("to"), value: <span style={{ overflowWrap: "anywhere" }}>{contactEmail ?? t("noContact")}</span> });
    facts.push({ label: t("batching"), value: path.emailBatching ? tb(path.emailBatching) : "—" });
  }
  facts.push({ label: t("added"), value: when(path.createdAt) });
  return (
    <dl className="facts">
      {facts.map((f) => (
        <div key={f.label}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
