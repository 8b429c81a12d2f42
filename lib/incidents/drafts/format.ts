import { localDayPeriods } from "../../i18n/day-periods";
import type { DraftFormat } from "./types";

/** Dates and numbers of a draft in a language and the brand's time zone (오전/오후 in Korean, as the pages write them). */
export function draftFormat(locale: string, timeZone: string): DraftFormat {
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone });
  const number = new Intl.NumberFormat(locale);
  return { dateTime: (d) => localDayPeriods(dateTime.format(d), locale), date: (d) => date.format(d), number: (n) => number.format(n) };
}
