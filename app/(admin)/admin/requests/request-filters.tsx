"use client";
import { useTranslations } from "next-intl";
import { QUEUE_TEXT_MAX_LENGTH, type RequestQueueFilter } from "@/lib/requests/filter";
import { requestStatuses, requestTypes } from "@/lib/requests/vocabulary";

/** Filters kept in the URL (a GET form), so a view can be bookmarked and shared. */
export function RequestFilters({
  jurisdictions,
  assignees,
  initial,
}: {
  jurisdictions: string[];
  assignees: { id: number; name: string }[];
  initial: RequestQueueFilter;
}) {
  const t = useTranslations("requests");
  return (
    <form method="get" className="filters card" role="search" aria-label={t("filters")}>
      <div className="field">
        <label htmlFor="rq-q">{t("textFilter")}</label>
        <input id="rq-q" name="q" type="search" maxLength={QUEUE_TEXT_MAX_LENGTH} defaultValue={initial.q ?? ""} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="rq-status">{t("statusLabel")}</label>
        <select id="rq-status" name="status" defaultValue={initial.status}>
          <option value="open">{t("openOnly")}</option>
          <option value="all">{t("allStatuses")}</option>
          {requestStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="rq-type">{t("type")}</label>
        <select id="rq-type" name="type" defaultValue={initial.type ?? ""}>
          <option value="">{t("allTypes")}</option>
          {requestTypes.map((s) => (
            <option key={s} value={s}>
              {t(`types.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="rq-jurisdiction">{t("jurisdiction")}</label>
        <select id="rq-jurisdiction" name="jurisdiction" defaultValue={initial.jurisdiction ?? ""}>
          <option value="">{t("allJurisdictions")}</option>
          {jurisdictions.map((j) => (
            <option key={j} value={j}>
              {j}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="rq-assignee">{t("assigneeFilter")}</label>
        <select id="rq-assignee" name="assignee" defaultValue={initial.assignee ?? ""}>
          <option value="">{t("anyAssignee")}</option>
          <option value="me">{t("mine")}</option>
          <option value="none">{t("unassignedOnly")}</option>
          {assignees.map((a) => (
            <option key={a.id} value={String(a.id)}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="check">
          <input type="checkbox" name="dueSoon" value="1" defaultChecked={initial.dueSoon === "1"} />
          {t("dueSoon")}
        </label>
      </div>
      <div className="field">
        <label className="check">
          <input type="checkbox" name="overdue" value="1" defaultChecked={initial.overdue === "1"} />
          {t("overdueOnly")}
        </label>
      </div>
      <div className="field">
        <button type="submit" className="button">
          {t("apply")}
        </button>
      </div>
    </form>
  );
}
