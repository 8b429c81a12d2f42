/**
 * Whether a request carries a Global Privacy Control opt-out. The Sec-GPC field's value
 * must be exactly "1"; any other value is ignored. Fetch joins repeated fields with ", ",
 * and the spec treats the request as opted out when any one of them is "1".
 */
export function hasGpcSignal(value: string | null | undefined): boolean {
  if (value == null) return false;
  return value.split(",").some((part) => part.trim() === "1");
}
