import { rate } from "./stats";

type Choices = { value: string; granted: number; denied: number; withdrawn: number };

/** The channel of a choice about a whole purpose (no channel named): stored as "". */
export const WHOLE_PURPOSE_CHANNEL = "";

/** The choices a split's bars stack: grants, refusals and withdrawals. */
export const choiceCount = (r: Omit<Choices, "value">) => r.granted + r.denied + r.withdrawn;

/**
 * The "by channel" split as a chart shows it: the choices about one channel (email, SMS…), each a bar, and
 * the choices about a whole purpose apart, with their share of all choices. Whole-purpose choices are most of
 * them and would flatten every channel's bar to a sliver, so they are stated beside the chart instead.
 */
export function channelSplit<T extends Choices>(
  rows: readonly T[],
): { channels: T[]; wholePurpose: { count: number; share: number | null } } {
  const channels = rows.filter((r) => r.value !== WHOLE_PURPOSE_CHANNEL);
  const whole = rows.filter((r) => r.value === WHOLE_PURPOSE_CHANNEL).reduce((n, r) => n + choiceCount(r), 0);
  const all = rows.reduce((n, r) => n + choiceCount(r), 0);
  return { channels, wholePurpose: { count: whole, share: rate(whole, all) } };
}
