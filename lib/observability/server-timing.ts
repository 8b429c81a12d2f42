/**
 * Where a request's time goes (issue 22, deliverable 5), as a `Server-Timing` header (W3C Server Timing:
 * `name;dur=milliseconds`, comma-separated): each `mark(stage)` closes the stage that ran since the previous mark.
 * The server sends the header only when SERVER_TIMING is on (the bench); the time outside the handler (Next.js's
 * routing, the request and response objects, the socket) is what a client measures beyond the stages' sum.
 */
export type StageTimer = {
  mark: (stage: string) => void;
  stages: () => ReadonlyArray<readonly [stage: string, ms: number]>;
  header: () => string;
};

export function stageTimer(now: () => number = () => performance.now()): StageTimer {
  let last = now();
  const stages: [string, number][] = [];
  return {
    mark(stage) {
      const at = now();
      stages.push([stage, at - last]);
      last = at;
    },
    stages: () => stages,
    header: () => stages.map(([stage, ms]) => `${stage};dur=${ms.toFixed(3)}`).join(", "),
  };
}

const STAGE = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*(?:;(.*))?$/;

/** The durations of a Server-Timing header, by stage name (a metric without `dur` counts 0; a repeated name adds up). */
export function parseServerTiming(header: string | null): Map<string, number> {
  const stages = new Map<string, number>();
  for (const part of (header ?? "").split(",")) {
    const match = STAGE.exec(part);
    if (!match) continue;
    const dur = /(?:^|;)\s*dur\s*=\s*"?([0-9.]+)"?/.exec(match[2] ?? "");
    stages.set(match[1], (stages.get(match[1]) ?? 0) + (dur ? Number(dur[1]) : 0));
  }
  return stages;
}
