import { describe, expect, it } from "vitest";
import { storedSystemReason } from "./system-reasons";
import { publicTimeline, type TimelineEvent } from "./status-timeline";

const at = (day: number) => new Date(Date.UTC(2026, 2, day));
const ev = (day: number, kind: TimelineEvent["kind"], toStatus: string | null = null): TimelineEvent => ({ at: at(day), kind, toStatus });

describe("publicTimeline", () => {
  it("shows status changes and the extension with its reason, never notes, assignments or messages", () => {
    const steps = publicTimeline(
      { verification: "code", rejectionReason: null, extensionReason: "Many requests at once" },
      [
        ev(1, "status", "received"),
        ev(1, "status", "verifying"),
        ev(2, "note"),
        ev(2, "assignment"),
        ev(3, "status", "in_progress"),
        ev(4, "message"),
        ev(5, "extension"),
      ],
      "en",
    );
    expect(steps).toEqual([
      { at: at(1), step: "received" },
      { at: at(1), step: "waiting-for-code" },
      { at: at(3), step: "in-progress" },
      { at: at(5), step: "extended", reason: "Many requests at once" },
    ]);
  });

  it("tells a refusal's reason in the reader's language, a system reason included", () => {
    const steps = publicTimeline(
      { verification: "code", rejectionReason: storedSystemReason("identity-not-verified"), extensionReason: null },
      [ev(1, "status", "received"), ev(22, "status", "rejected")],
      "ko",
    );
    expect(steps.at(-1)).toEqual({
      at: at(22),
      step: "refused",
      reason: "기한 안에 본인 확인이 되지 않아 요청을 처리하지 않고 종료했습니다.",
    });
  });

  it("does not repeat a step a request passed through twice in a row", () => {
    const steps = publicTimeline(
      { verification: "none", rejectionReason: null, extensionReason: null },
      [ev(1, "status", "received"), ev(1, "status", "verifying")],
      "en",
    );
    expect(steps.map((s) => s.step)).toEqual(["received"]);
  });
});
