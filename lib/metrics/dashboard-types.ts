// The shapes the admin dashboard APIs answer with: the db layer builds them,
// the client components read them. Aggregates only, never a subject.
import type { EventFigures } from "./consent-figures";
import type { LifetimeBucket } from "./grant-lifetime";
import type { Bucket, Period } from "./period";
import type { SlaBand, Stage } from "./request-figures";
import type { TrustIndicator } from "./trust-score";
import type { TrustMovement } from "./trust-contributions";
import type { Change } from "./stats";
import type { RequestStatus } from "../requests/vocabulary";
import type { PathState } from "../propagation/paths";
import type { PathKind } from "../propagation/vocabulary";

export type SplitDimension = "jurisdiction" | "source" | "locale" | "channel";
export type SplitFigures = EventFigures & { value: string };
export type PurposeFigures = EventFigures & {
  key: string;
  name: string;
  live: number;
  decided: number;
  activeRate: number | null;
  stale: number;
  expiring: number;
};
export type ConsentTrendPoint = EventFigures & Bucket & { live: number };

export type ConsentAnalytics = {
  period: Period;
  /** `answers`: grants and refusals; `gpcOptOuts`: GPC events that were not grants (the headline figures beside the rates). */
  summary: EventFigures & {
    answers: number;
    gpcOptOuts: number;
    live: number;
    decided: number;
    activeRate: number | null;
    stale: number;
    expiring: number;
  };
  trend: ConsentTrendPoint[];
  purposes: PurposeFigures[];
  splits: Record<SplitDimension, SplitFigures[]>;
};

export type GrantFlowPoint = Bucket & { started: number; withdrawn: number; denied: number; expired: number; live: number };
export type LifetimeRow = { bucket: LifetimeBucket; withdrawn: number; denied: number; expired: number };
export type NoticeVersionGrants = {
  noticeVersionId: number;
  locale: string;
  version: number;
  publishedAt: number | null;
  material: boolean;
  live: number;
  started: number;
  ended: number;
  stale: boolean;
};
export type GrantTotals = { started: number; withdrawn: number; denied: number; expired: number; ended: number };
export type PurposeGrants = {
  period: Period;
  purpose: { key: string; name: string };
  live: number;
  /** The period's grants started and stopped, summed over the flow (the same sums the lifetimes and versions break down). */
  totals: GrantTotals;
  flow: GrantFlowPoint[];
  lifetimes: LifetimeRow[];
  versions: NoticeVersionGrants[];
};

export type TrustDashboard = {
  period: Period;
  previousPeriod: Period;
  buckets: Bucket[];
  score: number | null;
  previousScore: number | null;
  scoreChange: Change | null;
  scoreTrend: (number | null)[];
  indicators: TrustIndicator[];
  /** Each indicator's part of the score's change since the previous period; null when either has no score. */
  movement: TrustMovement | null;
  context: { answers: number; closed: number; open: number; notices: number };
};

export type VolumeRow = { type: string; total: number } & Record<RequestStatus, number>;
export type OverdueRow = {
  id: number;
  ref: string;
  type: string;
  status: string;
  jurisdiction: string;
  receivedAt: number;
  dueAt: number;
  assignee: string | null;
  daysOverdue: number;
};

export type PrivacyOps = {
  period: Period;
  summary: {
    received: number;
    closed: number;
    onTimeShare: number | null;
    medianDaysToClose: number | null;
    open: number;
    overdue: number;
  };
  volume: VolumeRow[];
  trend: (Bucket & { received: number; closed: number })[];
  sla: { band: SlaBand; count: number }[];
  overdue: OverdueRow[];
  stages: { stage: Stage; median: number | null; count: number }[];
  /** Propagation to recipients as it stands now (not narrowed by the period or jurisdiction). */
  propagation: PropagationOps;
};

/** A recipient as privacy operations names it: a vendor, never a person. Times are epoch milliseconds. */
type RecipientRef = { recipientId: number; recipientName: string };

/**
 * Propagation to recipients right now (issue 14, deliverables 1, 5 and 7): how many recipients a change can
 * reach, the paths switched off, the changes recipients have not acted on within the brand's limit, and the
 * parked deliveries. No person and no contact address in it.
 */
export type PropagationOps = {
  /** The brand's limit in days (brand settings), and its time zone for the dates shown. */
  limitDays: number;
  timeZone: string;
  /** Recipients with at least one working path, of all recipients; the share in percent (null with no recipient). */
  workingPaths: { working: number; total: number; share: number | null };
  /** Recipients no change can reach, with each path's state (lib/propagation/paths.ts). */
  withoutPath: { id: number; name: string; paths: { kind: PathKind; state: PathState }[] }[];
  /** Paths switched off: the endpoint answered 410 Gone ("gone"), or an officer did ("disabled"). */
  disabledPaths: (RecipientRef & { pathId: number; kind: PathKind; reason: "gone" | "disabled"; disabledAt: number | null })[];
  /** Changes still waiting on their recipient after the limit, by recipient, the longest waiting first. */
  unconfirmed: {
    total: number;
    byRecipient: (RecipientRef & { count: number; oldestAt: number; oldestRequest: { id: number; ref: string } | null })[];
  };
  /** Deliveries whose retry window ran out, by recipient (most first). */
  parked: { total: number; byRecipient: (RecipientRef & { count: number })[] };
};
