import { expect, type Page } from "@playwright/test";
import { phone } from "./screens";

/** How wide the page is, and when wider than the screen, the elements that stick out (to say what to fix). */
export async function measure(page: Page): Promise<{ width: number; culprits: string[] }> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const sticksOut = (el: Element) => el.getBoundingClientRect().right > limit + 0.5;
    // Inside a scrolling frame, unless absolutely placed against something outside it (then it widens the page).
    const clipped = (el: Element) => {
      let placed = ["absolute", "fixed"].includes(getComputedStyle(el).position);
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (placed && style.position !== "static") placed = false;
        if (!placed && style.overflowX !== "visible") return true;
      }
      return false;
    };
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${[...el.classList].map((c) => `.${c}`).join("")}`;
    // The innermost elements past the edge and not inside a scrolling frame: usually the word, chart or table to fix.
    const out = [...document.body.querySelectorAll("*")].filter((el) => sticksOut(el) && !clipped(el));
    const culprits = out
      .filter((el) => !out.some((other) => other !== el && el.contains(other)))
      .slice(0, 4)
      .map(
        (el) => `${el.parentElement ? name(el.parentElement) + " > " : ""}${name(el)} to ${Math.round(el.getBoundingClientRect().right)}px`,
      );
    return { width: document.documentElement.scrollWidth, culprits };
  });
}

/**
 * The page open now, narrowed to a phone's width, fits it; then the page is given its width back. Charts redraw for
 * the new width when their resize observers fire, so the width is read until it fits or 5 s pass (no fixed wait); a
 * page still too wide fails softly, naming what sticks out, and the caller goes on to its next page.
 */
export async function fitsPhoneOnceNarrowed(page: Page, label: string): Promise<void> {
  const viewport = page.viewportSize();
  await page.setViewportSize(phone);
  let last = { width: 0, culprits: [] as string[] };
  await expect
    .poll(async () => (last = await measure(page)).width, { timeout: 5_000 })
    .toBeLessThanOrEqual(phone.width)
    .catch(() => undefined);
  expect
    .soft(last.width, `${label}: ${last.width}px wide at 390 px (${last.culprits.join("; ") || "no single element"})`)
    .toBeLessThanOrEqual(phone.width);
  if (viewport) await page.setViewportSize(viewport);
}
