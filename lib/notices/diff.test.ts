import { describe, expect, it } from "vitest";
import { diffShortLayer, diffText, type DiffPart, diffNotice } from "./diff";

// Both sides must be recoverable from the parts, or the editor shows a lie.
const side = (parts: DiffPart[], drop: "added" | "removed") =>
  parts
    .filter((p) => p.kind !== drop)
    .map((p) => p.text)
    .join("");

describe("diffText (en)", () => {
  it("diffs by word and counts words added and removed", () => {
    const before = "We may share your data with partners.";
    const after = "We share your email with MailHub only.";
    const d = diffText(before, after, "en");
    expect(d.parts).toEqual([
      { kind: "same", text: "We " },
      { kind: "removed", text: "may " },
      { kind: "same", text: "share your " },
      { kind: "removed", text: "data" },
      { kind: "added", text: "email" },
      { kind: "same", text: " with " },
      { kind: "removed", text: "partners" },
      { kind: "added", text: "MailHub only" },
      { kind: "same", text: "." },
    ]);
    expect(d).toMatchObject({ added: 3, removed: 3, unit: "words" });
    expect(side(d.parts, "added")).toBe(before);
    expect(side(d.parts, "removed")).toBe(after);
  });

  it("shows a line break replacing a space, without counting it as a word", () => {
    const d = diffText("Name. Email.", "Name.\nEmail.", "en");
    expect(d.parts).toEqual([
      { kind: "same", text: "Name." },
      { kind: "removed", text: " " },
      { kind: "added", text: "\n" },
      { kind: "same", text: "Email." },
    ]);
    expect(d).toMatchObject({ added: 0, removed: 0 });
  });

  it("returns one same part for identical text and nothing for two empty texts", () => {
    expect(diffText("Unchanged.", "Unchanged.", "en")).toEqual({
      parts: [{ kind: "same", text: "Unchanged." }],
      added: 0,
      removed: 0,
      unit: "words",
    });
    expect(diffText("", "", "en").parts).toEqual([]);
  });

  it("shows a first draft as all added", () => {
    expect(diffText("", "We collect your email.", "en")).toMatchObject({
      parts: [{ kind: "added", text: "We collect your email." }],
      added: 4,
      removed: 0,
    });
  });
});

describe("diffText (ko)", () => {
  it("diffs whole eojeol rather than single syllables", () => {
    const before = "회사는 이메일 주소를 수집합니다.";
    const after = "회사는 이메일 주소와 전화번호를 수집·이용합니다.";
    const d = diffText(before, after, "ko");
    expect(d.parts).toEqual([
      { kind: "same", text: "회사는 이메일 " },
      { kind: "removed", text: "주소를" },
      { kind: "added", text: "주소와" },
      { kind: "same", text: " " },
      { kind: "removed", text: "수집합니다" },
      { kind: "added", text: "전화번호를 수집·이용합니다" },
      { kind: "same", text: "." },
    ]);
    expect(d).toMatchObject({ added: 3, removed: 2 });
    expect(side(d.parts, "added")).toBe(before);
    expect(side(d.parts, "removed")).toBe(after);
    expect(d.unit).toBe("eojeol");
  });
});

describe("diffText (ja)", () => {
  it("diffs by character and counts characters", () => {
    const d = diffText("氏名を取得します。", "氏名とメールアドレスを取得します。", "ja");
    expect(d.parts).toEqual([
      { kind: "same", text: "氏名" },
      { kind: "added", text: "とメールアドレス" },
      { kind: "same", text: "を取得します。" },
    ]);
    expect(d).toMatchObject({ added: 8, removed: 0, unit: "chars" });
  });

  it("shows a wholesale rewrite as one removal and one addition instead of stalling", () => {
    const before = "当社は氏名とメールアドレスを取得し、セール情報のお届けに利用します。".repeat(60);
    const after = "取得した購入履歴は、二年間保存したのち削除いたします。ご不明な点はお問い合わせください。".repeat(60);
    const d = diffText(before, after, "ja");
    expect(d.parts).toEqual([
      { kind: "removed", text: before },
      { kind: "added", text: after },
    ]);
  });
});

describe("diffShortLayer", () => {
  it("diffs each field and lists the ones that changed", () => {
    const published = { what: "이름, 이메일 주소", why: "할인 소식을 보내 드리기 위해", retention: "1년" };
    const draft = { what: "이름, 이메일 주소", why: "할인 소식을 보내 드리기 위해", retention: "2년", contact: "privacy@candor.example" };
    const d = diffShortLayer(published, draft, "ko");
    expect(d.changedFields).toEqual(["retention", "contact"]);
    expect(d.fields.what).toMatchObject({ changed: false, added: 0, removed: 0 });
    expect(d.fields.retention.parts).toEqual([
      { kind: "removed", text: "1년" },
      { kind: "added", text: "2년" },
    ]);
    expect(d.fields.contact).toMatchObject({ changed: true, added: 1, removed: 0 });
    expect(d.fields.benefit).toMatchObject({ changed: false, parts: [] });
    expect(d).toMatchObject({ added: 2, removed: 1 });
  });

  it("treats a missing published version as empty", () => {
    const d = diffShortLayer(null, { why: "To send sale alerts." }, "en");
    expect(d.changedFields).toEqual(["why"]);
    expect(d.added).toBe(4);
  });
});

describe("diffNotice", () => {
  const v1 = { title: "Trail tips", shortLayer: { retention: "Kept for 30 days", what: "Email" }, fullText: "We send tips." };
  it("lists only the fields that changed, title and full text included", () => {
    const d = diffNotice(
      v1,
      { ...v1, title: "Trail tips by email", shortLayer: { ...v1.shortLayer, retention: "Kept for 14 days" } },
      "en",
    );
    expect(d.rows.map((r) => r.field)).toEqual(["title", "retention"]);
    expect(d.added).toBeGreaterThan(0);
    expect(d.removed).toBeGreaterThan(0);
  });

  it("finds nothing between identical versions", () => {
    expect(diffNotice(v1, v1, "en")).toMatchObject({ rows: [], added: 0, removed: 0 });
  });
});
