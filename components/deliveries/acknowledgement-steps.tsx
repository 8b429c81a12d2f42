import { getTranslations } from "next-intl/server";
import { stepProgress } from "@/lib/propagation/acknowledgements";
import type { AcknowledgementState } from "@/lib/propagation/vocabulary";

const marks = { done: "✓", current: "●", todo: "○", stuck: "!" } as const;

/**
 * Where one recipient's acknowledgement stands, as three steps: queued → delivered → confirmed. The step
 * reached last is the current one (aria-current); a parked delivery stops at "delivered", marked as needing
 * attention. Each step says its status in words too, so colour is never the only sign.
 */
export async function AcknowledgementSteps({ state, label }: { state: AcknowledgementState; label: string }) {
  const t = await getTranslations("deliveries.steps");
  return (
    <ol className="ack-steps" aria-label={label} data-state={state}>
      {stepProgress(state).map(({ step, status }) => (
        <li key={step} data-status={status} aria-current={status === "current" || status === "stuck" ? "step" : undefined}>
          <span aria-hidden="true">{marks[status]}</span> {status === "stuck" ? t("parked") : t(step)}
          <span className="visually-hidden"> ({t(`status.${status}`)})</span>
        </li>
      ))}
    </ol>
  );
}
