import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { builtInQueueViews, type BuiltInQueueView } from "@/lib/requests/saved-views";
import { DeleteQueueViewButton, SaveQueueViewForm } from "./saved-view-forms";
import styles from "./queue-views.module.css";

type Props = {
  /** The queue's current filters as their canonical query (no page): a view whose query equals it is the active one. */
  current: string;
  counts: Record<BuiltInQueueView, number> & { open: number };
  saved: { id: number; name: string; query: string }[];
};

const href = (query: string) => (query ? `/admin/requests?${query}` : "/admin/requests");

/** The queue's views above its filters: everyone's built-in ones with their counts, then the member's own. */
export async function QueueViews({ current, counts, saved }: Props) {
  const t = await getTranslations("requests");
  const builtIn = [
    { key: "allOpen" as const, query: "", count: counts.open },
    ...builtInQueueViews.map((v) => ({ ...v, count: counts[v.key] })),
  ];
  return (
    <div className={`card ${styles.views}`}>
      <nav aria-label={t("views.label")}>
        <ul className={styles.list}>
          {builtIn.map((v) => (
            <li key={v.key} className={styles.item}>
              <Link className={styles.link} href={href(v.query)} aria-current={v.query === current ? "page" : undefined}>
                {t(`views.${v.key}`)}
                <span className={`${styles.count} ${v.key === "overdue" && v.count > 0 ? styles.urgent : ""}`}>{v.count}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className={styles.heading} id="saved-views-h">
        {t("views.saved")}
      </h2>
      {saved.length ? (
        <nav aria-labelledby="saved-views-h">
          <ul className={styles.list}>
            {saved.map((v) => (
              <li key={v.id} className={styles.item}>
                <Link className={styles.link} href={href(v.query)} aria-current={v.query === current ? "page" : undefined}>
                  {v.name}
                </Link>
                <DeleteQueueViewButton id={v.id} name={v.name} className={styles.delete} />
              </li>
            ))}
          </ul>
        </nav>
      ) : (
        <p className="muted" style={{ margin: 0 }}>
          {t("views.none")}
        </p>
      )}
      <SaveQueueViewForm
        query={current}
        classNames={{ details: styles.save, form: styles.saveForm, field: styles.field, submit: styles.submit }}
      />
    </div>
  );
}
