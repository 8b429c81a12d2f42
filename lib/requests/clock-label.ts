import type { ClockPeriod, ClockRule } from "./clock-rules";

/** A translator over the requestDetail messages (next-intl's `t`, or createTranslator in tests). */
export type ClockTranslate = (key: string, values?: Record<string, string | number>) => string;

/** A period in words and with its plural: "15 business days", "1 month", "영업일 15일", "10日". */
export function periodLabel(period: ClockPeriod, t: ClockTranslate): string {
  return t(`clock.periods.${period.unit}`, { count: period.count });
}

/**
 * The "law and clock" label of a rule, from the same rule that computes the
 * due date: the law cited, then its period ("CCPA §7026(f): 15 business days").
 */
export function clockLabel(rule: ClockRule, t: ClockTranslate): string {
  const period = periodLabel(rule.period, t);
  if (rule.basis === "strictest" || !rule.law) return t("clock.strictest", { period });
  const law = t(`clock.laws.${rule.law}`);
  return rule.basis === "target" ? t("clock.target", { law, period }) : t("clock.fixed", { law, period });
}
