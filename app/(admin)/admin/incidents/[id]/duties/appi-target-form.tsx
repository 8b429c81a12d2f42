"use client";
import { useTranslations } from "next-intl";
import { APPI_PRELIMINARY_DAYS_RANGE, DEFAULT_APPI_PRELIMINARY_DAYS } from "@/lib/incidents/clocks";
import { WholeNumberSettingForm } from "@/components/forms/whole-number-setting";
import { saveAppiBreachTargetAction } from "./actions";

/** The brand's target for APPI's "prompt" preliminary report and notice, in days after the day of awareness. */
export function AppiTargetForm({ current }: { current: number }) {
  const t = useTranslations("incidentDuties.target");
  const { min, max } = APPI_PRELIMINARY_DAYS_RANGE;
  return (
    <WholeNumberSettingForm
      action={saveAppiBreachTargetAction}
      name="appiBreachPreliminaryDays"
      id="appi-target"
      current={current}
      range={APPI_PRELIMINARY_DAYS_RANGE}
      text={{
        title: t("title"),
        label: t("label"),
        help: t("help", { min, max, default: DEFAULT_APPI_PRELIMINARY_DAYS }),
        range: t("range", { min, max }),
        save: t("save"),
        saved: t("saved"),
      }}
    />
  );
}
