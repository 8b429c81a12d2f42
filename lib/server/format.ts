import { getFormatter, getLocale } from "next-intl/server";
import { localDayPeriods } from "@/lib/i18n/day-periods";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/**
 * next-intl's formatter for this request (the reader's language, the brand's time zone), with
 * times in the reader's own words: 오전/오후 on Korean pages, never AM/PM (lib/i18n/day-periods.ts).
 * Pages that show a time use this instead of getFormatter().
 */
export async function getDateFormatter(): Promise<Formatter> {
  const [format, locale] = await Promise.all([getFormatter(), getLocale()]);
  const local = <F extends (...args: never[]) => string>(f: F): F => ((...args: Parameters<F>) => localDayPeriods(f(...args), locale)) as F;
  return { ...format, dateTime: local(format.dateTime), dateTimeRange: local(format.dateTimeRange) };
}
