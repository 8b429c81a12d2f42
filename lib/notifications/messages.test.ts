import { describe, expect, it } from "vitest";
import { digestMessage, immediateMessage, type DigestEntry } from "./messages";
import { brandClock, digestDue } from "./schedule";

const ctx = { brand: "Northtrail", baseUrl: "https://candor.example/", timeZone: "Asia/Seoul" };
// 2026-06-17 15:00 UTC is 2026-06-18 00:00 in Seoul.
const due = Date.UTC(2026, 5, 17, 15, 0);
const request = { about: "request", ref: "REQ-2026-00042", requestType: "deletion", dueAt: due, path: "/admin/requests/42" } as const;
const review = {
  about: "review",
  review: "notice-version",
  title: "Newsletter",
  submittedBy: "Mina",
  path: "/admin/purposes/3/notices/ko",
} as const;
const path = { about: "path", recipient: "Mailfox", pathKind: "webhook", state: "gone", path: "/admin/recipients/5" } as const;

describe("digestMessage", () => {
  it("writes one email with every item grouped by event in the profile's order, each with its link", () => {
    const entries: DigestEntry[] = [
      { event: "review", item: review },
      { event: "due-soon", item: request },
      { event: "path-failing", item: path },
    ];
    const m = digestMessage(entries, "en", ctx)!;
    expect(m.subjectLine).toBe("[Northtrail] Your daily digest: 3 items");
    const body = m.body;
    expect(body.indexOf("Request due within 3 days (1)")).toBeLessThan(body.indexOf("Waiting for review (1)"));
    expect(body.indexOf("Waiting for review (1)")).toBeLessThan(body.indexOf("Recipient path failing (1)"));
    expect(body).toContain("REQ-2026-00042 · Deletion");
    expect(body).toContain("https://candor.example/admin/requests/42");
    expect(body).toContain("https://candor.example/admin/purposes/3/notices/ko");
    expect(body).toContain("https://candor.example/admin/profile");
  });

  it("writes the due date on the brand's clock, in Korean with 오전/오후 and no English", () => {
    const m = digestMessage([{ event: "due-soon", item: request }], "ko", ctx)!;
    expect(m.subjectLine).toBe("[Northtrail] 일일 요약: 1건");
    expect(m.body).toContain("2026. 6. 18. 오전 12:00");
    expect(m.body.replace(/https?:\S+|REQ-\d+-\d+|Northtrail|Mailfox|Newsletter|Mina/g, "")).not.toMatch(/[A-Za-z]{3,}/);
  });

  it("writes Japanese with the catalog's words for a path and its state", () => {
    const m = digestMessage([{ event: "path-failing", item: path }], "ja", ctx)!;
    expect(m.body).toContain("Mailfox · ウェブフック · 停止");
    expect(m.subjectLine).toBe("【Northtrail】日次ダイジェスト：1件");
  });

  it("sends nothing when nothing waits", () => {
    expect(digestMessage([], "en", ctx)).toBeNull();
  });
});

describe("immediateMessage", () => {
  it("names who sent an item for review its submitter (제출자, 提出者), never the requester, who in a privacy tool is the data subject", () => {
    const ko = immediateMessage("review", review, "ko", ctx).body;
    const ja = immediateMessage("review", review, "ja", ctx).body;
    expect(ko).toContain("제출자 Mina");
    expect(ko).not.toContain("요청자");
    expect(ja).toContain("提出者 Mina");
    expect(ja).not.toMatch(/請求者|依頼者|申請者/);
  });

  it("names the event and the item and links to it and to the profile", () => {
    const m = immediateMessage("new-request", request, "en", ctx);
    expect(m.subjectLine).toBe("[Northtrail] New request: REQ-2026-00042");
    expect(m.body).toContain("Open: https://candor.example/admin/requests/42");
    expect(m.body).toContain("https://candor.example/admin/profile");
  });
});

describe("digestDue", () => {
  const zone = "Asia/Tokyo";
  it("waits until 08:00 on the brand's clock", () => {
    expect(digestDue(new Date(Date.UTC(2026, 5, 17, 22, 59)), zone, null)).toBe(false); // 07:59 in Tokyo
    expect(digestDue(new Date(Date.UTC(2026, 5, 17, 23, 0)), zone, null)).toBe(true); // 08:00
  });

  it("sends once per brand day, and the next day again", () => {
    const at = new Date(Date.UTC(2026, 5, 18, 3)); // 12:00 on 2026-06-18 in Tokyo
    expect(brandClock(at, zone)).toEqual({ day: "2026-06-18", hour: 12 });
    expect(digestDue(at, zone, "2026-06-18")).toBe(false);
    expect(digestDue(at, zone, "2026-06-17")).toBe(true);
  });

  it("sends at once when forced (npm run notify -- --digest)", () => {
    expect(digestDue(new Date(Date.UTC(2026, 5, 17, 20)), zone, "2026-06-18", true)).toBe(true);
  });
});
