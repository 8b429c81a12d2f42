/**
 * Korean times read 오전/오후. The CLDR data in current runtimes (Node and Chromium) abbreviates
 * Korean day periods as "AM"/"PM", so `timeStyle: "short"` in ko gives "PM 3:04": English on a
 * Korean page. Japanese already formats times on a 24-hour clock ("15:04"), which is kept.
 */
const korean: Record<string, string> = { AM: "오전", PM: "오후" };

/** A formatted date or time with its day period written the way the reader's language writes it. */
export function localDayPeriods(text: string, locale: string): string {
  if (locale !== "ko" && !locale.startsWith("ko-")) return text;
  return text.replace(/\b(AM|PM)\b/g, (period) => korean[period]);
}
