// The preference center by keyboard alone, with the names a screen reader announces.
import { expect, test } from "@playwright/test";
import { openWithLink, pickSubject, stateOf } from "./support/preferences";

test("a subject turns a consent off and on again, and files a request, with the keyboard only", async ({ browser }) => {
  const subject = pickSubject(11, { jurisdiction: "EU", locale: "en" });
  const page = await (await browser.newContext()).newPage();
  await openWithLink(page, subject.uid);
  const toggle = page.getByRole("switch", { name: subject.on.title });
  await expect(toggle).toHaveAttribute("aria-checked", "true");

  // Tab from the top of the page until the switch has focus: it must be reachable in order.
  await page.locator("body").focus();
  for (let i = 0; i < 60 && !(await toggle.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(toggle).toBeFocused();
  await page.keyboard.press("Space");
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await expect.poll(() => stateOf(subject.id, subject.on.key)).toBe("withdrawn");
  await expect(toggle).not.toHaveAttribute("aria-busy", "true");
  await expect(toggle).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await expect.poll(() => stateOf(subject.id, subject.on.key)).toBe("granted");

  // The request form: radios by arrow keys, submit by Enter.
  await page.goto("/preferences/requests");
  const first = page.getByRole("radio", { name: /^A copy of my data/ });
  await first.focus();
  await page.keyboard.press("Space");
  await expect(first).toBeChecked();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: /^My data to take elsewhere/ })).toBeChecked();
  await page.getByRole("textbox", { name: "Anything we should know (optional)" }).focus();
  await page.keyboard.type("Please include my order history.");
  // Next in order: the box for a request made for someone else (left unticked), then the button.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("checkbox", { name: /^I am making this request for someone else/ })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Send my request" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "We have received your request" })).toBeVisible();
});
