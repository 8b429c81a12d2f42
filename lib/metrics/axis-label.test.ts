import { describe, expect, it } from "vitest";
import { axisLabelLines } from "./axis-label";

describe("axisLabelLines", () => {
  it("keeps a label that fits on one line", () => {
    expect(axisLabelLines("Printed catalogue", 140, 12)).toEqual(["Printed catalogue"]);
  });

  it("breaks an English name at a space, on two lines", () => {
    expect(axisLabelLines("Delivery updates by text and app", 140, 12)).toEqual(["Delivery updates by", "text and app"]);
  });

  it("breaks a Japanese name without spaces by width, each character a full em", () => {
    const lines = axisLabelLines("SMS・アプリでの配送のお知らせ", 140, 12);
    expect(lines).toHaveLength(2);
    expect(lines.join("")).toBe("SMS・アプリでの配送のお知らせ");
    expect(lines[0].length).toBeLessThanOrEqual(14);
  });

  it("ends a name too long for two lines with an ellipsis, within the width", () => {
    const lines = axisLabelLines("正確な位置情報を使った近くの店舗の特典をお届けするための長い名前", 140, 12);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith("…")).toBe(true);
    expect(lines[1].length).toBeLessThanOrEqual(11);
  });

  it("breaks a Korean name at its spaces", () => {
    expect(axisLabelLines("정확한 위치를 이용한 주변 매장 혜택", 140, 12)).toEqual(["정확한 위치를 이용한", "주변 매장 혜택"]);
  });

  it("never starts a line with closing punctuation", () => {
    const lines = axisLabelLines("Candor（期限切れ処理）", 136, 12);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe("理）");
  });
});
