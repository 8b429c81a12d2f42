// The shapes the admin dashboard APIs answer with: the db layer builds them,
// the client components read them. Aggregates only, never a subject.
import type { EventFigures } from "./consent-figures";
import type { LifetimeBucket } from "./grant-lifetime";
import type { Bucket, Period } from "./period";
import type { SlaBand, Stage } from "./request-figures";
import type { TrustIndicator } from "./trust-score";
import type { Change } from "./stats";
import type { RequestStatus } from "../requests/vocabulary";

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
  summary: EventFigures & { live: number; decided: number; activeRate: number | null; stale: number; expiring: number };
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
export type PurposeGrants = {
  period: Period;
  purpose: { key: string; name: string };
  live: number;
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
};
