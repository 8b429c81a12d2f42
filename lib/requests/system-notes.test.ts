import { describe, expect, it } from "vitest";
import { storedSystemReason, systemReasonTexts } from "./system-reasons";
import { noteText, systemNote, systemNoteCodes, systemNoteOf } from "./system-notes";

const sample = {
  count: 3,
  format: "json",
  ref: "REQ-7K2M",
  change: "phone: — → +44 20 7946 0000",
  address: "privacy@example.com",
  name: "Mina Park",
  reason: "Volume",
  note: "Called the branch",
  seconds: "2.5",
};
const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("system-written timeline notes", () => {
  it("reads every note Candor writes in Korean and Japanese, with its values kept, and never as the English sentence", () => {
    for (const code of systemNoteCodes) {
      const stored = systemNote(code, sample);
      expect(systemNoteOf(stored)?.code).toBe(code);
      for (const locale of ["ko", "ja"]) {
        const shown = noteText(stored, locale);
        expect(shown).not.toBe(stored);
        expect(shown).not.toMatch(/\{\w+\}/);
        for (const value of Object.values(systemNoteOf(stored)!.values)) expect(shown).toContain(value);
      }
      expect(noteText(stored, "en")).toBe(stored);
    }
  });

  it("gives the same values to every language's sentence", () => {
    for (const code of systemNoteCodes) {
      const en = slots(systemNote(code));
      const ko = noteText(systemNote(code), "ko");
      expect(slots(ko), code).toEqual(en);
    }
  });

  it("maps sentences already stored by exact text, such as the demo's letter intake", () => {
    expect(noteText("Received by post and entered by staff.", "ko")).toBe("우편으로 접수하여 직원이 입력했습니다.");
    expect(noteText("Identity verified with a one-time code.", "ja")).toBe("ワンタイムコードで本人確認を完了しました。");
    expect(noteText("possible duplicate of REQ-2B", "ko")).toBe("REQ-2B 요청과 중복일 수 있습니다.");
  });

  it("leaves a note a person typed as typed, and still reads a system reason in the reader's language", () => {
    expect(noteText("Called back, left a voicemail.", "ko")).toBe("Called back, left a voicemail.");
    expect(noteText("Acknowledgement sent to the subject. Then called.", "ko")).toBe("Acknowledgement sent to the subject. Then called.");
    expect(noteText(storedSystemReason("identity-not-verified"), "ja")).toBe(systemReasonTexts.ja["identity-not-verified"]);
  });
});
