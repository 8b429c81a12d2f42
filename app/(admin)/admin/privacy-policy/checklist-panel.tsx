import { getTranslations } from "next-intl/server";
import type { Checklist } from "@/lib/policy/checklists";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const tones: Record<string, BadgeTone> = { ok: "ok", missing: "danger", warning: "warn", not_applicable: "neutral" };

/** Each law's checklist as the data map stands now: every item, whether it is there, and what lacks it. */
export async function ChecklistPanel({ lists }: { lists: Checklist[] }) {
  const t = await getTranslations("privacyPolicy");
  return (
    <section className="card stack" aria-labelledby="policy-checklists">
      <h2 id="policy-checklists" style={{ margin: 0 }}>
        {t("admin.checklistHeading")}
      </h2>
      <p className="muted" style={{ margin: 0 }}>
        {t("admin.checklistHint")}
      </p>
      <div
        className="policy-checklists"
        style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 22rem), 1fr))", gap: "1.25rem" }}
      >
        {lists.map((list) => (
          <section key={list.jurisdiction} className="stack" style={{ gap: "0.4rem" }} aria-labelledby={`check-${list.jurisdiction}`}>
            <h3 id={`check-${list.jurisdiction}`} style={{ margin: 0 }}>
              {t(`parts.${list.jurisdiction}`)}{" "}
              <Badge tone={list.missing.length ? "danger" : "ok"}>
                {list.missing.length ? t("admin.missingCount", { count: list.missing.length }) : t("admin.complete")}
              </Badge>
            </h3>
            <ul
              className="stack"
              style={{ listStyle: "none", padding: 0, margin: 0, gap: "0.3rem" }}
              data-testid={`checklist-${list.jurisdiction}`}
            >
              {list.items.map((i) => (
                <li key={i.item} data-item={i.item} data-status={i.status}>
                  <Badge tone={tones[i.status]}>{t(`admin.itemStatus.${i.status}`)}</Badge> {t(`items.${list.jurisdiction}.${i.item}`)}
                  {i.gaps.length ? (
                    <div className="muted" style={{ overflowWrap: "anywhere" }}>
                      {t("admin.gaps", { gaps: "" })}
                      <span translate="no">{i.gaps.join(", ")}</span>
                    </div>
                  ) : null}
                  {i.status === "warning" ? <div className="muted">{t("admin.staleWarning")}</div> : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
