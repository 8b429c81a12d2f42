import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

export const phone = { width: 390, height: 844 };
export const desk = { width: 1366, height: 900 };

/** The English sentences of these catalogs (lib/i18n/messages/en/<name>.json): none may show on a ko or ja page. */
export function englishOf(...names: string[]): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string")
      out.push(
        ...v
          .split(/\{[^}]*\}/)
          .map((p) => p.trim())
          .filter((p) => p.split(" ").length >= 3),
      );
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  for (const n of names) walk(JSON.parse(fs.readFileSync(path.join(process.cwd(), "lib/i18n/messages/en", `${n}.json`), "utf8")));
  return out;
}

/** Axe finds nothing, the page is no wider than the screen, and (in ko or ja) none of `english` shows. */
export async function checkPage(page: Page, english: string[] = []): Promise<void> {
  const scan = await new AxeBuilder({ page }).analyze();
  expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  const width = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(width, "no sideways scroll").toBeLessThanOrEqual(0);
  const text = await page.locator("body").innerText();
  expect(english.filter((e) => text.includes(e))).toEqual([]);
}

/**
 * Screenshots are for people to look at, and no one looks at CI's: under CI they are taken only when SHOTS_DIR asks
 * for them (a full-page shot costs as much as the checks around it). Nothing a test asserts depends on them.
 */
export const screenshotsWanted = !process.env.CI || Boolean(process.env.SHOTS_DIR);

/** The page as a picture at `file`, when screenshots are wanted. */
export async function pageShot(page: Page, file: string, fullPage = true): Promise<void> {
  if (screenshotsWanted) await page.screenshot({ path: file, fullPage });
}

/** A part of the page as a picture at `file`; without the picture, the part must still be there and visible, as the shot requires. */
export async function partShot(part: Locator, file: string): Promise<void> {
  if (screenshotsWanted) await part.screenshot({ path: file });
  else await expect(part).toBeVisible();
}

/** A screenshot to look at, in $TMPDIR/candor-screens/ (test-results/ is emptied by every run). */
export async function shoot(page: Page, name: string): Promise<void> {
  await pageShot(page, path.join(os.tmpdir(), "candor-screens", `${name}.png`));
}
