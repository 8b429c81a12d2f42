// Threat: a Korean- or Japanese-reading officer reads the notes Candor wrote itself on a
// request's timeline ("Received by post and entered by staff.", "Acknowledgement sent to
// the subject.", "Identity verified with a one-time code.") in English.
import { expect, test } from "@playwright/test";
import { readStore } from "../db/testing/read-store";
import { systemNote, systemNoteCodes } from "../lib/requests/system-notes";
import { pageAs } from "./support/auth";
import { e2eDatabasePath } from "./support/paths";

const requestWithNote = (note: string) =>
  (
    readStore(e2eDatabasePath(), (db) =>
      db.prepare("SELECT request_id AS id FROM request_events WHERE note = ? ORDER BY id LIMIT 1").get(note),
    ) as {
      id: number;
    }
  ).id;
// Every English system sentence, or for one with values its longest fixed part.
const englishSentences = systemNoteCodes.map((code) =>
  systemNote(code)
    .split(/\{\w+\}/)
    .sort((a, b) => b.length - a.length)[0]
    .trim(),
);

for (const [locale, caption, letter, verified] of [
  ["ko", "처리 이력", "우편으로 접수하여 직원이 입력했습니다.", "일회용 코드로 본인 확인을 마쳤습니다."],
  ["ja", "対応履歴", "郵便で受け付け、スタッフが入力しました。", "ワンタイムコードで本人確認を完了しました。"],
] as const) {
  test(`a ${locale} request page shows the notes Candor wrote in ${locale}, and none of their English sentences`, async ({ browser }) => {
    const ids = [requestWithNote(systemNote("entered-letter")), requestWithNote(systemNote("verified-code"))];
    // Signed in through the English form; then the reader's language.
    const officer = await pageAs(browser, "privacy_officer");
    await officer.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: officer.url() }]);
    for (const [i, id] of ids.entries()) {
      await officer.goto(`/admin/requests/${id}`);
      const timeline = officer.getByRole("table", { name: caption });
      await expect(timeline).toContainText(i === 0 ? letter : verified);
      const text = await officer.locator("main").innerText();
      expect(englishSentences.filter((s) => text.includes(s))).toEqual([]);
    }
    await officer.context().close();
  });
}
